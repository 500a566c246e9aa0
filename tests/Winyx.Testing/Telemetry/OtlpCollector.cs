using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Winyx.Testing.Telemetry;

/// <summary>
/// An OTLP/HTTP endpoint on 127.0.0.1 that accepts every post and keeps, per path (<c>/v1/traces</c>,
/// <c>/v1/metrics</c>, <c>/v1/logs</c>), everything posted to it, as Latin-1 text: protobuf keeps
/// strings as they are, so span names, attribute values and service names can be searched for.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpCollector()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var text = Encoding.Latin1.GetString(body.ToArray());
            Received.AddOrUpdate(request.Path.Value!, text, (_, earlier) => earlier + text);
            return Results.Ok();
        });
    }

    /// <summary>The base address to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>http/protobuf</c>).</summary>
    public string Address => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    /// <summary>Everything posted so far, by path.</summary>
    public ConcurrentDictionary<string, string> Received { get; } = new();

    /// <summary>Starts a collector on a free port.</summary>
    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector();
        await collector._app.StartAsync();
        return collector;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
