using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Alerts.Tests.Infrastructure;

/// <summary>
/// A tiny in-test Kestrel app answering Prometheus' <c>/api/v1</c> the way Prometheus does: every range
/// query gets two series over the asked window, every instant query one sample, label values, one
/// firing alert and its rule. A query containing <see cref="FailingMarker"/> is rejected as Prometheus
/// rejects bad PromQL. It stands for Prometheus as a remote peer of the dashboards' renderer.
/// </summary>
public sealed class CannedPrometheus : IAsyncDisposable
{
    /// <summary>Queries containing this text are answered with a <c>bad_data</c> error.</summary>
    public const string FailingMarker = "winyx_broken_query";

    private readonly WebApplication _app;

    private CannedPrometheus(WebApplication app, int port)
    {
        _app = app;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    /// <summary>The fake's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every PromQL query received.</summary>
    public ConcurrentBag<string> Queries { get; } = [];

    /// <summary>Starts the fake on a free port.</summary>
    public static async Task<CannedPrometheus> StartAsync()
    {
        var port = PortAllocator.GetFreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new CannedPrometheus(app, port);
        app.MapGet("/api/v1/query_range", (HttpRequest request) => fake.Range(request));
        app.MapGet("/api/v1/query", (HttpRequest request) => fake.Instant(request));
        app.MapGet("/api/v1/label/{name}/values", () => Results.Json(new { status = "success", data = new[] { "api", "userrpc", "web" } }));
        app.MapGet("/api/v1/alerts", () => Results.Json(new
        {
            status = "success",
            data = new
            {
                alerts = new[]
                {
                    new
                    {
                        labels = new Dictionary<string, string> { ["alertname"] = "HighCPUUsage", ["severity"] = "warning", ["instance"] = "127.0.0.1:9100" },
                        annotations = new Dictionary<string, string> { ["summary"] = "CPU above 80 % on 127.0.0.1:9100" },
                        state = "firing",
                        activeAt = DateTimeOffset.UtcNow.AddMinutes(-7).ToString("O"),
                        value = "9.1e-01",
                    },
                },
            },
        }));
        app.MapGet("/api/v1/rules", () => Results.Json(new
        {
            status = "success",
            data = new
            {
                groups = new[]
                {
                    new
                    {
                        name = "system",
                        file = "system.yml",
                        rules = new object[]
                        {
                            new
                            {
                                type = "alerting",
                                name = "HighCPUUsage",
                                query = "instance:node_cpu_utilisation:ratio_rate5m > 0.8",
                                duration = 300,
                                labels = new Dictionary<string, string> { ["severity"] = "warning", ["component"] = "system" },
                                annotations = new Dictionary<string, string> { ["summary"] = "CPU above 80 %" },
                                alerts = new object[] { new { } },
                                health = "ok",
                                state = "firing",
                            },
                        },
                    },
                },
            },
        }));
        await app.StartAsync();
        return fake;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Range(HttpRequest request)
    {
        var query = request.Query["query"].ToString();
        Queries.Add(query);
        if (query.Contains(FailingMarker, StringComparison.Ordinal))
        {
            return Rejected(query);
        }

        var start = double.Parse(request.Query["start"]!, CultureInfo.InvariantCulture);
        var end = double.Parse(request.Query["end"]!, CultureInfo.InvariantCulture);
        var step = double.Parse(request.Query["step"]!, CultureInfo.InvariantCulture);
        var result = Enumerable.Range(0, 2).Select(index => new
        {
            metric = Labels(index),
            values = Samples(start, end, step, index),
        });
        return Results.Json(new { status = "success", data = new { resultType = "matrix", result } });
    }

    private IResult Instant(HttpRequest request)
    {
        var query = request.Query["query"].ToString();
        Queries.Add(query);
        if (query.Contains(FailingMarker, StringComparison.Ordinal))
        {
            return Rejected(query);
        }

        var time = double.TryParse(request.Query["time"], CultureInfo.InvariantCulture, out var t) ? t : DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var result = new[] { new { metric = Labels(0), value = new object[] { time, "0.42" } } };
        return Results.Json(new { status = "success", data = new { resultType = "vector", result } });
    }

    private static IResult Rejected(string query) => Results.Json(
        new { status = "error", errorType = "bad_data", error = $"1:1: parse error: unknown function in \"{query}\"" },
        statusCode: StatusCodes.Status400BadRequest);

    private static Dictionary<string, string> Labels(int index) => new()
    {
        ["instance"] = $"127.0.0.1:91{index}0",
        ["service"] = index == 0 ? "api" : "web",
        ["job"] = index == 0 ? "api" : "web",
        ["endpoint"] = index == 0 ? "/api/users" : "/api/users/login",
        ["status"] = index == 0 ? "200" : "500",
        ["level"] = index == 0 ? "error" : "warning",
        ["mountpoint"] = "/",
        ["side"] = "server",
        ["alertname"] = "HighCPUUsage",
        ["severity"] = "warning",
    };

    private static List<object[]> Samples(double start, double end, double step, int index)
    {
        var samples = new List<object[]>();
        for (var time = start; time <= end; time += step)
        {
            var value = 0.5 + (0.3 * Math.Sin((time / 120) + index));
            samples.Add([time, value.ToString("R", CultureInfo.InvariantCulture)]);
        }

        return samples;
    }
}
