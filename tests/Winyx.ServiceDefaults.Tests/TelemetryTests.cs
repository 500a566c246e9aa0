using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    private static readonly ActivitySource Orders = new("Winyx.Tests.Orders");

    [Fact]
    public async Task RequestsAndWinyxSourcesAreTracedButProbesAndScrapesAreNot()
    {
        var exported = new List<Activity>();
        await using var host = await TestServiceHost.StartAsync(
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)),
            map: app => app.MapGet("/api/orders", () =>
            {
                using var work = Orders.StartActivity("load orders");
                return Results.Ok();
            }));

        await host.Client.GetAsync("/health");
        await host.Client.GetAsync("/alive");
        await host.Client.GetAsync("/metrics");
        await host.Client.GetAsync("/api/orders");

        // Spans are exported as they end, the request's own after the response: wait for both.
        await Poll.UntilAsync(
            () => Snapshot(exported).Any(a => a.DisplayName == "load orders") && ServerPaths(exported).Contains("/api/orders"),
            TestServiceHost.PollTimeout,
            "the Winyx.* span and the request span");
        Assert.DoesNotContain(ServerPaths(exported), path => path is "/health" or "/alive" or "/metrics");
    }

    [Fact]
    public async Task OpenTelemetryLoggerStillReceivesRecordsWithSecretsRedacted()
    {
        var exported = new List<LogRecord>();
        await using var host = await TestServiceHost.StartAsync(
            configure: builder => builder.Services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(exported)),
            map: app => app.MapGet("/api/login", (ILoggerFactory loggers) =>
            {
                var logger = loggers.CreateLogger("Winyx.Tests.Login");
                logger.LogWarning("Login failed for {User} with {Password}", "ann", "hunter2-otlp");
                logger.LogError(new InvalidOperationException("rejected body password=hunter2-exception"), "Login crashed");
                return Results.Ok();
            }));

        await host.Client.GetAsync("/api/login");

        var crash = await Poll.ForValueAsync(
            () => Task.FromResult(exported.ToArray().FirstOrDefault(r => r.CategoryName == "Winyx.Tests.Login" && r.LogLevel == LogLevel.Error)),
            TestServiceHost.PollTimeout,
            "the error record at the OpenTelemetry logger provider");
        var warning = exported.ToArray().Single(r => r.CategoryName == "Winyx.Tests.Login" && r.LogLevel == LogLevel.Warning);
        Assert.Contains("ann", warning.FormattedMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-otlp", warning.FormattedMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(warning.Attributes ?? [], a => a.Value?.ToString() == "hunter2-otlp");
        Assert.Contains("InvalidOperationException", crash.Exception?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-exception", crash.Exception?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-exception", crash.Exception?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtelServiceNameIsHonoured()
    {
        await using var host = await TestServiceHost.StartAsync(new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = "api" });

        Assert.Equal("api", ServiceName(host));
    }

    [Fact]
    public async Task OtelResourceAttributesAreHonoured()
    {
        await using var host = await TestServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.name=userrpc,deployment.environment=ci",
        });

        var attributes = Resource(host).Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("userrpc", attributes["service.name"]);
        Assert.Equal("ci", attributes["deployment.environment"]);
    }

    [Fact]
    public async Task ApplicationNameStandsInWhenNoServiceNameIsConfigured()
    {
        await using var host = await TestServiceHost.StartAsync();

        Assert.Equal(host.App.Environment.ApplicationName, ServiceName(host));
    }

    private static string? ServiceName(TestServiceHost host) =>
        Resource(host).Attributes.FirstOrDefault(a => a.Key == "service.name").Value as string;

    private static Resource Resource(TestServiceHost host) =>
        host.App.Services.GetRequiredService<TracerProvider>().GetResource();

    private static List<string?> ServerPaths(List<Activity> exported) =>
        Snapshot(exported).Where(a => a.Source.Name == "Microsoft.AspNetCore").Select(a => a.GetTagItem("url.path") as string).ToList();

    // ToArray copies without enumerating, so it cannot trip over the exporter adding concurrently.
    private static Activity[] Snapshot(List<Activity> exported) => exported.ToArray();
}
