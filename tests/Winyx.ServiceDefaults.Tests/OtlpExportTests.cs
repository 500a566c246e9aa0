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
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task TracesMetricsAndLogsAreExportedOverOtlpWithTheConfiguredServiceNameAndProtocol()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using (var host = await TestServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "otlp-probe",
        }))
        {
            await host.Client.GetAsync("/nothing-here");
        }

        // Stopping the host flushes every exporter.
        await Poll.UntilAsync(
            () => new[] { "/v1/traces", "/v1/metrics", "/v1/logs" }.All(collector.Received.ContainsKey),
            TestServiceHost.PollTimeout,
            "OTLP/HTTP posts of traces, metrics and logs");
        Assert.All(collector.Received.Values, body => Assert.Contains("otlp-probe", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TracesAlsoGoToJaegerWhenItsEndpointIsConfigured()
    {
        await using var dashboard = await FakeCollector.StartAsync();
        await using var jaeger = await FakeCollector.StartAsync();
        await using (var host = await TestServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "jaeger-probe",
            ["Telemetry:Jaeger:Endpoint"] = jaeger.Address,
            ["Telemetry:Jaeger:Protocol"] = "http/protobuf",
        }))
        {
            await host.Client.GetAsync("/nothing-here");
        }

        await Poll.UntilAsync(
            () => jaeger.Received.ContainsKey("/v1/traces") && dashboard.Received.ContainsKey("/v1/traces"),
            TestServiceHost.PollTimeout,
            "traces at both the dashboard and Jaeger");
        Assert.Contains("jaeger-probe", jaeger.Received["/v1/traces"], StringComparison.Ordinal);
        Assert.False(jaeger.Received.ContainsKey("/v1/logs"), "Jaeger takes traces only");
    }

    /// <summary>Accepts OTLP/HTTP posts and keeps each path's last body (as Latin-1, to search for strings).</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeCollector()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                Received[request.Path.Value!] = Encoding.Latin1.GetString(body.ToArray());
                return Results.Ok();
            });
        }

        public string Address => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        public ConcurrentDictionary<string, string> Received { get; } = new();

        public static async Task<FakeCollector> StartAsync()
        {
            var collector = new FakeCollector();
            await collector._app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
