using Microsoft.Extensions.Http.Resilience;
using Winyx.ServiceDefaults.Chaos;
using Winyx.ServiceDefaults.Logging;
using Winyx.Web.Api;
using Winyx.Web.Components;
using Winyx.Web.Session;
using Winyx.Web.Telemetry;

namespace Winyx.Web.Extensions;

/// <summary>Registration and pipeline of the web frontend; <c>Program.cs</c> only calls these.</summary>
public static class Extensions
{
    /// <summary>Adds the pages, the typed Api client and metrics (the chaos switch comes with the service defaults).</summary>
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Serve wwwroot and the scoped-CSS bundle from the build output in every environment (the
        // AppHost and the tests run the built dll, not only Development); a published app has no
        // build manifest and this is a no-op there.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddSingleton<WebMetrics>();
        services.PostConfigure<ServiceLoggingOptions>(SeedLogFiles.ShareOneDirectory);

        services.AddTransient<ApiCallMetricsHandler>();
        services.AddTransient<BearerTokenHandler>();
        services.Configure<ForwardedForOptions>(builder.Configuration.GetSection(ForwardedForOptions.SectionName));
        services.AddTransient<ForwardedForHandler>();
        services.AddHttpClient<ApiClient>(client => client.BaseAddress = new Uri(ApiClient.BaseAddress))
            .AddHttpMessageHandler<ApiCallMetricsHandler>()
            .AddHttpMessageHandler<BearerTokenHandler>()
            .AddHttpMessageHandler<ForwardedForHandler>();
        services.ConfigureAll<HttpStandardResilienceOptions>(ConfigureApiResilience);
    }

    /// <summary>
    /// The middleware, in order: page timing (outermost, so an error page counts toward the page
    /// that failed), the friendly error and status pages, the chaos switch, anti-forgery.
    /// </summary>
    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        app.UseMiddleware<PageTimingMiddleware>();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        // Pages are the targets, and an injected failure throws, so it renders the friendly 500 page.
        app.UseChaos(o =>
        {
            o.Target = PageEndpoint.NameOf;
            o.Failure = ChaosFailureMode.Exception;
        });

        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps the static assets and the pages.</summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }

    // A page waits on these calls while the user watches: retry reads briefly, never repeat a POST
    // or PUT (a retried login counts twice against the rate limit; a retried register answers 409),
    // and wait a little longer than the Api's own 5 s deadline to UserRpc, so the user gets the
    // Api's answer (a 503 problem at worst) rather than a timeout of our own.
    // ConfigureAll because the client defaults name one options instance ("-standard") for every
    // client; the Api client is the only one this app has.
    private static void ConfigureApiResilience(HttpStandardResilienceOptions options)
    {
        options.Retry.DisableForUnsafeHttpMethods();
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(8);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
    }
}
