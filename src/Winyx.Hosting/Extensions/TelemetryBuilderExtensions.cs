using System.Globalization;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary>Telemetry wiring: <c>WithOtlpExporter</c> (as Aspire injects it) and <c>WithMetricsEndpoint</c> (Prometheus scraping).</summary>
public static class TelemetryBuilderExtensions
{
    /// <summary>
    /// Sends the resource's OpenTelemetry to the dashboard's receiver: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
    /// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES=service.instance.id=…</c> and, in
    /// development, one-second export intervals. Projects get it from <c>AddProject</c>.
    /// </summary>
    /// <example><code>builder.AddExecutable("worker", "./worker", ".").WithOtlpExporter();</code></example>
    public static IResourceBuilder<T> WithOtlpExporter<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resource.HasAnnotation<OtlpExporterAnnotation>())
        {
            return builder;
        }

        return builder
            .WithAnnotation(new OtlpExporterAnnotation())
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                var name = context.Resource.Name;
                env["OTEL_EXPORTER_OTLP_ENDPOINT"] = context.ExecutionContext.Dashboard.OtlpGrpcUrl;
                env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
                env["OTEL_SERVICE_NAME"] = name;
                env["OTEL_RESOURCE_ATTRIBUTES"] = string.Create(CultureInfo.InvariantCulture, $"service.instance.id={name}-{context.ReplicaIndex}");

                // Short delays so the dashboard shows telemetry within a second, as Aspire does in development.
                env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
                env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
                env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
                env["OTEL_TRACES_SAMPLER"] = "always_on";
            });
    }

    /// <summary>
    /// Prometheus scrapes the resource as job <paramref name="job"/> (default: the resource name)
    /// from <paramref name="path"/> on <paramref name="endpointName"/>, with <c>service=&lt;resource&gt;</c>.
    /// The last call wins.
    /// </summary>
    /// <example><code>userrpc.WithMetricsEndpoint(endpointName: "management");</code></example>
    public static IResourceBuilder<T> WithMetricsEndpoint<T>(this IResourceBuilder<T> builder, string? job = null, string endpointName = "http", string path = "/metrics")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new MetricsEndpointAnnotation(job ?? builder.Resource.Name, endpointName, path));
    }
}
