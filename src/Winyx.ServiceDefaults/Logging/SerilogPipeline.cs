using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>Builds the Serilog pipeline of a service: levels, enrichers, console, counter, files.</summary>
internal static class SerilogPipeline
{
    public static void Configure(IServiceProvider services, LoggerConfiguration logger)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var redactor = services.GetRequiredService<SecretRedactor>();
        var formatter = new JsonLogFormatter(redactor);

        MinimumLevelConfigurator.Apply(logger.MinimumLevel, configuration.GetSection("Logging:LogLevel"));

        // Sinks and enrichers a service registers in DI join the pipeline; the redaction enricher comes
        // last so that nothing added before it reaches a sink unredacted.
        logger.ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With(new SecretRedactionEnricher(redactor))
            .WriteTo.Console(formatter)
            .WriteTo.Sink(new LogRecordCounterSink(services.GetRequiredService<IMeterFactory>()));

        var options = services.GetRequiredService<IOptions<ServiceLoggingOptions>>().Value;
        var applicationName = services.GetRequiredService<IHostEnvironment>().ApplicationName;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        foreach (var (fileName, output) in options.Outputs(applicationName))
        {
            logger.WriteTo.RollingJsonFile(fileName, output, formatter, time);
        }
    }
}
