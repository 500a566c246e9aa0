using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Serilog;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>Serilog-based logging for a Winyx service.</summary>
public static class LoggingExtensions
{
    /// <summary>
    /// Routes all logging through Serilog: JSON lines on the console, the files configured under
    /// <c>Logging:File</c> / <c>Logging:Files</c>, the <c>log_records_total</c> counter, and — through
    /// <c>writeToProviders</c> — every other registered logger provider, so OpenTelemetry still exports
    /// the records over OTLP. Secrets are redacted before any of them sees a record.
    /// </summary>
    public static TBuilder AddServiceDefaultsLogging<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSecretRedaction();
        builder.Services.AddOptions<ServiceLoggingOptions>().BindConfiguration(ServiceLoggingOptions.SectionName);
        builder.Services.TryAddSingleton<LogQueueMetrics>();
        builder.Services.TryAddSingleton<LogRecordCounterSink>();
        builder.Services.TryAddSingleton<SecretRedactionEnricher>();
        builder.Services.TryAddSingleton(SerilogPipeline.CreateQueue);

        // Serilog writes the console itself; the default console provider would print every record
        // a second time, in plain text.
        var consoleProviders = builder.Services
            .Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider))
            .ToList();
        consoleProviders.ForEach(d => builder.Services.Remove(d));

        // preserveStaticLogger: each host owns its logger, so two hosts in one process (tests) never
        // share, or dispose, the static Log.Logger.
        builder.Services.AddSerilog(SerilogPipeline.Configure, preserveStaticLogger: true, writeToProviders: true);
        CacheLoggersPerCategory(builder.Services);
        return builder;
    }

    // Wraps the ILoggerFactory AddSerilog registered, so each category's logger is built once.
    private static void CacheLoggersPerCategory(IServiceCollection services)
    {
        var serilog = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory));
        if (serilog?.ImplementationFactory is not { } create)
        {
            return;
        }

        services.Remove(serilog);
        services.AddSingleton<ILoggerFactory>(sp => new CachingLoggerFactory((ILoggerFactory)create(sp)));
    }
}
