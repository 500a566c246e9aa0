using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Winyx.LoadTests.Telemetry;

/// <summary>
/// Exports the engine's metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set — as Aspire
/// sets it for the processes it starts — and does nothing otherwise. The SDK reads the endpoint,
/// protocol, headers, export interval and <c>OTEL_SERVICE_NAME</c> from the environment itself.
/// </summary>
public static class OtlpExport
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> gives none.</summary>
    public const string DefaultServiceName = "winyx-loadtests";

    /// <summary>Starts the exporter when configured; dispose the result to flush and stop it.</summary>
    public static MeterProvider? StartIfConfigured()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            return null;
        }

        var builder = Sdk.CreateMeterProviderBuilder().AddMeter(EngineMetrics.MeterName);
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            builder.ConfigureResource(resource => resource.AddService(DefaultServiceName));
        }

        return builder.AddOtlpExporter().Build();
    }
}
