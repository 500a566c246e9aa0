using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Winyx.ServiceDefaults.Metrics;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Telemetry;

/// <summary>OpenTelemetry tracing, metrics and logs for a Winyx service.</summary>
public static class TelemetryExtensions
{
    /// <summary>Sources and meters a Winyx service owns: every name under <c>Winyx.</c>.</summary>
    public const string WinyxWildcard = "Winyx.*";

    /// <summary>
    /// Registers tracing (ASP.NET Core, HttpClient, gRPC client, <c>Winyx.*</c> sources), metrics
    /// (ASP.NET Core, Kestrel, HttpClient, runtime, <c>Winyx.*</c> meters, Prometheus exporter) and the
    /// OpenTelemetry logger provider; exports OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    /// <remarks>
    /// The SDK reads <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c> and
    /// <c>OTEL_EXPORTER_OTLP_*</c> itself; nothing here sets them, so what Aspire (or the Winyx AppHost)
    /// injects wins. Only when neither names the service does the application name stand in for it.
    /// </remarks>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSecretRedaction();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            // Added first, so it runs before any exporter registered later (OTLP below).
            logging.AddProcessor(services => new ExceptionRedactingProcessor(services.GetRequiredService<SecretRedactor>()));
        });

        var telemetry = builder.Services.AddOpenTelemetry();
        if (!ServiceNameIsConfigured(builder))
        {
            var name = builder.Environment.ApplicationName;
            telemetry.ConfigureResource(resource => resource.AddService(name));
        }

        var jaeger = JaegerExport(builder.Configuration);
        if (TracingEnabled(builder.Configuration))
        {
            telemetry.WithTracing(tracing =>
            {
                ConfigureTracing(tracing, builder.Environment.ApplicationName);
                if (jaeger is not null)
                {
                    // A second trace exporter of its own: UseOtlpExporter (the dashboard) refuses
                    // to share the service collection with a signal-specific AddOtlpExporter.
                    tracing.AddProcessor(new BatchActivityExportProcessor(new OtlpTraceExporter(jaeger)));
                }
            });
        }

        if (MetricsEnabled(builder.Configuration))
        {
            telemetry.WithMetrics(metrics => ConfigureMetrics(metrics, DroppedInstruments.From(builder.Configuration)));
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Whether traces are recorded (<c>Telemetry:Tracing:Enabled</c>, default true). Off only to measure
    /// what tracing costs (bench/request-path.sh); a service in the fleet keeps it on.
    /// </summary>
    public static bool TracingEnabled(IConfiguration configuration) =>
        configuration?.GetValue("Telemetry:Tracing:Enabled", true) ?? true;

    /// <summary>
    /// Whether metrics are collected and <c>/metrics</c> is served (<c>Telemetry:Metrics:Enabled</c>,
    /// default true). Off only to measure what metrics cost (bench/request-path.sh): Prometheus
    /// scrapes <c>/metrics</c> and the alerts depend on it.
    /// </summary>
    public static bool MetricsEnabled(IConfiguration configuration) =>
        configuration?.GetValue("Telemetry:Metrics:Enabled", true) ?? true;

    /// <summary>
    /// Where Jaeger takes traces, when it runs: <c>Telemetry:Jaeger:Endpoint</c> (the AppHost sets
    /// <c>Telemetry__Jaeger__Endpoint</c>) and <c>Telemetry:Jaeger:Protocol</c> (<c>grpc</c>, or <c>http/protobuf</c>).
    /// </summary>
    private static OtlpExporterOptions? JaegerExport(IConfiguration configuration)
    {
        if (configuration["Telemetry:Jaeger:Endpoint"] is not { Length: > 0 } endpoint)
        {
            return null;
        }

        var http = string.Equals(configuration["Telemetry:Jaeger:Protocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        return new OtlpExporterOptions
        {
            Endpoint = new Uri(http ? $"{endpoint.TrimEnd('/')}/v1/traces" : endpoint),
            Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc,
        };
    }

    private static void ConfigureTracing(TracerProviderBuilder tracing, string applicationName) =>
        tracing
            .AddSource(WinyxWildcard, applicationName)
            .AddAspNetCoreInstrumentation(options => options.Filter = IsTraced)
            .AddHttpClientInstrumentation()
            // The gRPC span describes the call; the HTTP/2 request under it would be a second span per call.
            .AddGrpcClientInstrumentation(options => options.SuppressDownstreamInstrumentation = true);

    private static void ConfigureMetrics(MeterProviderBuilder metrics, IReadOnlyList<string> dropped)
    {
        // Every view that matches adds a stream; the naming view matches none of these, so a drop view leaves none.
        foreach (var name in dropped)
        {
            metrics.AddView(name, MetricStreamConfiguration.Drop);
        }

        metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(WinyxWildcard)
            .AddPrometheusExporter(PrometheusDefaults.Configure);

        // The view needs this container's IMeterFactory, which exists only once the provider is built.
        ((IDeferredMeterProviderBuilder)metrics).Configure(static (services, builder) =>
            builder.AddView(new ServiceMeterView(services.GetRequiredService<IMeterFactory>()).Select));
    }

    private static bool IsTraced(HttpContext context) =>
        !DefaultEndpointPaths.IsInfrastructure(context.Request.Path);

    private static bool ServiceNameIsConfigured(IHostApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            return true;
        }

        var attributes = builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? string.Empty;
        return attributes.Split(',')
            .Any(pair => pair.Trim().StartsWith("service.name=", StringComparison.Ordinal));
    }
}
