using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Winyx.ServiceDefaults.Logging;

namespace Winyx.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A small in-process service over real HTTP: a <see cref="WebApplication"/> with
/// <c>AddServiceDefaults()</c> / <c>MapDefaultEndpoints()</c>, Kestrel on <c>127.0.0.1:0</c>, and an
/// <see cref="HttpClient"/> pointed at the bound address. Runs as Production, to prove the defaults
/// (health endpoints included) do not depend on Development.
/// </summary>
public sealed class TestServiceHost : IAsyncDisposable
{
    private TestServiceHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>How long tests poll for an effect of the host (a log record, a span, a metric) to show.</summary>
    public static TimeSpan PollTimeout { get; } = TimeSpan.FromSeconds(5);

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Builds and starts a host.</summary>
    /// <param name="settings">Configuration values, e.g. <c>["Logging:File:Path"] = dir</c>.</param>
    /// <param name="configure">Extra service registrations.</param>
    /// <param name="map">The endpoints under test.</param>
    public static async Task<TestServiceHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null)
    {
        ConsoleCapture.EnsureInstalled();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(TestServiceHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The console lines go to Console.Out, which ConsoleCapture replaced, not straight to standard output.
        builder.Configuration.AddInMemoryCollection([new("Logging:ConsoleTarget", nameof(LogConsoleTarget.ConsoleOut))]);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddServiceDefaults();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new TestServiceHost(app, new Uri(addresses.Addresses.Single()));
    }

    /// <summary>The current <c>/metrics</c> text.</summary>
    public Task<string> ScrapeAsync() => Client.GetStringAsync("/metrics");

    /// <summary>
    /// Scrapes until a sample satisfies <paramref name="predicate"/> and returns the samples of that
    /// scrape (the exporter caches a scrape for 300 ms, so a fresh count takes a few polls).
    /// </summary>
    public Task<IReadOnlyList<PrometheusSample>> SamplesWhenAsync(Func<PrometheusSample, bool> predicate, string what) =>
        SamplesWhenAsync(samples => samples.Any(predicate), what);

    /// <summary>Scrapes until the whole scrape satisfies <paramref name="ready"/> and returns its samples.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> SamplesWhenAsync(Func<IReadOnlyList<PrometheusSample>, bool> ready, string what)
    {
        var last = string.Empty;
        try
        {
            return await Poll.ForValueAsync<IReadOnlyList<PrometheusSample>>(
                async () =>
                {
                    last = await ScrapeAsync();
                    var samples = PrometheusText.Parse(last).Samples;
                    return ready(samples) ? samples : null;
                },
                TestServiceHost.PollTimeout,
                what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Last scrape:\n{last}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
