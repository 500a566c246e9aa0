using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Winyx.Monitoring.Tests.Live;

/// <summary>
/// A stand-in for the fleet's exporters on one loopback port: <c>GET /metrics/{job}</c> serves
/// <c>SyntheticMetrics/{job}.prom</c> with counters advancing on every scrape, and
/// <c>POST /webhook</c> records Alertmanager's notifications.
/// </summary>
internal sealed class SyntheticExporter : IAsyncDisposable
{
    private static readonly string[] CounterSuffixes = ["_total", "_bucket", "_count", "_sum"];

    private readonly WebApplication _app;
    private readonly string _metricsDirectory;
    private readonly ConcurrentDictionary<string, int> _scrapes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonElement> _notifications = new();

    private SyntheticExporter(WebApplication app, string metricsDirectory)
    {
        _app = app;
        _metricsDirectory = metricsDirectory;
    }

    /// <summary><c>host:port</c> of the exporter.</summary>
    public string Authority { get; private set; } = string.Empty;

    /// <summary>Where Alertmanager posts notifications.</summary>
    public Uri WebhookUrl => new($"http://{Authority}/webhook");

    /// <summary>The jobs there is a metrics file for.</summary>
    public IReadOnlyList<string> Jobs =>
        [.. Directory.GetFiles(_metricsDirectory, "*.prom").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The webhook payloads received so far.</summary>
    public IReadOnlyList<JsonElement> Notifications => [.. _notifications];

    public static async Task<SyntheticExporter> StartAsync(string metricsDirectory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var exporter = new SyntheticExporter(builder.Build(), metricsDirectory);
        exporter._app.MapGet("/metrics/{job}", exporter.Metrics);
        exporter._app.MapPost("/webhook", exporter.ReceiveAsync);
        await exporter._app.StartAsync();
        exporter.Authority = new Uri(exporter._app.Urls.Single()).Authority;
        return exporter;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Metrics(string job)
    {
        var path = Path.Combine(_metricsDirectory, $"{job}.prom");
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        var scrape = _scrapes.AddOrUpdate(job, 1, (_, count) => count + 1);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var line in File.ReadLines(path))
        {
            text.Append(line.StartsWith('#') ? line : Advance(line.Replace("$NOW", now, StringComparison.Ordinal), scrape)).Append('\n');
        }

        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }

    // Counters grow by their file value on every scrape: a steady rate, as from real traffic.
    private static string Advance(string line, int scrape)
    {
        var separator = line.LastIndexOf(' ');
        var name = line[..line.IndexOfAny(['{', ' '])];
        if (separator < 0 || !CounterSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal)))
        {
            return line;
        }

        var value = double.Parse(line[(separator + 1)..], CultureInfo.InvariantCulture) * scrape;
        return string.Concat(line.AsSpan(0, separator + 1), value.ToString("R", CultureInfo.InvariantCulture));
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        _notifications.Enqueue(document.RootElement.Clone());
        return Results.Ok();
    }
}
