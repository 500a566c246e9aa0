using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>Builds the Serilog pipeline of a service: levels, enrichers, console, counter, files.</summary>
/// <remarks>
/// The console and the files sit behind one bounded queue drained in batches (<see cref="LogQueueSink"/>):
/// formatting and writing never run on a request's thread, and a slow terminal, pipe or disk can no
/// longer stall requests on the console's lock (the access log made that the largest cost of a request,
/// see bench/RESULTS.md). When the queue is full a record is dropped and counted (<c>log_records_dropped_total</c>). The record counter and the OpenTelemetry
/// provider stay synchronous: the first is one counter increment, the second has its own bounded batch queue.
/// </remarks>
internal static class SerilogPipeline
{
    public static void Configure(IServiceProvider services, LoggerConfiguration logger)
    {
        var configuration = services.GetRequiredService<IConfiguration>();

        MinimumLevelConfigurator.Apply(logger.MinimumLevel, configuration.GetSection("Logging:LogLevel"));

        // Sinks and enrichers a service registers in DI join the pipeline; the redaction enricher comes
        // last so that nothing added before it reaches a sink unredacted.
        logger.ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With(services.GetRequiredService<SecretRedactionEnricher>())
            .WriteTo.Sink(services.GetRequiredService<LogRecordCounterSink>())
            .WriteTo.Sink(services.GetRequiredService<LogQueueSink>());
    }

    /// <summary>
    /// The queue in front of the console and the files; one per service provider, shared by the logger
    /// and by writers that queue deferred records (the access log). Deferred records redact themselves
    /// on the queue's pump, and the pump counts them, as the logger's enricher and counter sink would have done.
    /// </summary>
    public static LogQueueSink CreateQueue(IServiceProvider services)
    {
        var redactor = services.GetRequiredService<SecretRedactor>();
        var formatter = new JsonLogFormatter(redactor);
        var counter = services.GetRequiredService<LogRecordCounterSink>();
        var options = services.GetRequiredService<IOptions<ServiceLoggingOptions>>().Value;
        var applicationName = services.GetRequiredService<IHostEnvironment>().ApplicationName;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var outputs = options.Outputs(applicationName).ToList();
        Serilog.Core.Logger? files = null;
        if (outputs.Count > 0)
        {
            var filesConfiguration = new LoggerConfiguration().MinimumLevel.Verbose();
            foreach (var (fileName, output) in outputs)
            {
                filesConfiguration.WriteTo.RollingJsonFile(fileName, output, formatter, time);
            }

            files = filesConfiguration.CreateLogger();
        }

        var queue = new LogQueueSink(options.QueueCapacity, formatter, files, counter, options.ConsoleTarget);
        services.GetRequiredService<LogQueueMetrics>().Watch(queue);
        return queue;
    }
}
