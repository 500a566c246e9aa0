using Winyx.ServiceDefaults.Tests.Infrastructure;
using Winyx.Testing.Telemetry;

namespace Winyx.ServiceDefaults.Tests;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task TracesMetricsAndLogsAreExportedOverOtlpWithTheConfiguredServiceNameAndProtocol()
    {
        await using var collector = await OtlpCollector.StartAsync();
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
        await using var dashboard = await OtlpCollector.StartAsync();
        await using var jaeger = await OtlpCollector.StartAsync();
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
}
