using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Winyx.Hosting.Console;

namespace Winyx.Hosting.Configuration;

/// <summary>
/// Creates the Aspire builder for a Winyx AppHost: reads Winyx's own flags (<see cref="WinyxOptions"/>),
/// passes the rest to Aspire, and under <c>--isolated</c> gives every listener, Aspire's own
/// included, a free port and the run a temporary data directory removed on exit.
/// </summary>
public static class WinyxApplication
{
    /// <summary>Exit code for a bad command line.</summary>
    public const int UsageExitCode = 2;

    /// <summary>
    /// The builder. A bad flag prints a message naming it and exits with <see cref="UsageExitCode"/>.
    /// </summary>
    /// <example><code>var builder = WinyxApplication.CreateBuilder(args);</code></example>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        WinyxOptions options;
        string[] remaining;
        try
        {
            (options, remaining) = WinyxOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            System.Console.Error.WriteLine($"error: {ex.Message}");
            Environment.Exit(UsageExitCode);
            throw;
        }

        if (options.Isolated)
        {
            options = options with { DataDirectory = Directory.CreateTempSubdirectory("winyx-isolated-").FullName };
            TemporaryDirectories.DeleteAtExit(options.DataDirectory);
            System.Console.WriteLine($"Winyx AppHost: isolated, data {options.DataDirectory}");
        }

        if (options.AlertThresholds.Count > 0)
        {
            System.Console.WriteLine($"Winyx AppHost: alert thresholds overridden for this run: {string.Join(", ", options.AlertThresholds)}");
        }

        var configuration = options.ToConfiguration().Concat(options.Isolated ? IsolatedAspirePorts() : []);
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [.. remaining, .. configuration.Where(c => c.Value is not null).Select(c => $"--{c.Key}={c.Value}")],
        });

        if (options.Isolated)
        {
            builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
            {
                FreeEveryPort(@event.Model);
                return Task.CompletedTask;
            });
            builder.Services.AddHostedService(services => new TemporaryDirectoryCleanup(options.DataDirectory!, services.GetRequiredService<IHostApplicationLifetime>()));
        }

        builder.Services.AddSingleton<FleetConsoleReporter>();
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<FleetConsoleReporter>().Start();
            return Task.CompletedTask;
        });
        return builder;
    }

    // Aspire's own listeners (dashboard, OTLP, resource service) on free loopback ports.
    private static IEnumerable<KeyValuePair<string, string?>> IsolatedAspirePorts() =>
    [
        new("ASPNETCORE_URLS", "http://127.0.0.1:0"),
        new("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://127.0.0.1:0"),
        new("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "http://127.0.0.1:0"),
        new("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", "http://127.0.0.1:0"),
        new("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true"),
    ];

    // The model names the fleet's default ports; an isolated run asks for free ones instead, so it
    // can run beside a developer's fleet (and beside another isolated run).
    private static void FreeEveryPort(DistributedApplicationModel model)
    {
        foreach (var endpoint in model.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            endpoint.Port = null;
            if (!endpoint.IsProxied)
            {
                endpoint.TargetPort = null;
            }
        }
    }

    private sealed class TemporaryDirectoryCleanup(string directory, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopped.Register(() => TemporaryDirectories.Delete(directory));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
