using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Winyx.Alerts.Components;
using Winyx.Alerts.Dashboards;
using Winyx.Alerts.Firing;
using Winyx.Alerts.Ingestion;
using Winyx.Alerts.Options;
using Winyx.Alerts.Receiving;
using Winyx.Alerts.Rules;
using Winyx.Alerts.Serving;
using Winyx.Alerts.Storage;
using Winyx.Alerts.Upstream;

namespace Winyx.Alerts.Extensions;

/// <summary>Registration and pipeline of the alerts app; <c>Program.cs</c> only calls these.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds the one-way flow — webhook → <see cref="NotificationIngestion"/> → <see cref="NotificationStore"/>
    /// → views — plus the Prometheus and Alertmanager clients, the dashboards, metrics and the health check.
    /// </summary>
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Serve wwwroot and the scoped-CSS bundle from the build output in every environment (the
        // AppHost and the tests run the built dll); a published app has no manifest and this is a no-op.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddOptions<AlertsOptions>()
            .BindConfiguration(AlertsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRazorComponents();
        services.AddProblemDetails();
        services.TryAddTimeProvider();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AlertsOptions>>().Value;
            return NotificationStore.Open(options.DataDirectory, options.MaxNotifications);
        });
        services.AddSingleton<AlertsMetrics>();
        services.AddSingleton<WebhookToken>();
        services.AddSingleton<NotificationIngestion>();
        services.AddSingleton<FiringAlertsService>();
        services.AddSingleton<DashboardCatalog>();
        services.AddSingleton<DashboardRenderer>();
        services.AddSingleton<RulesService>();

        var configuration = builder.Configuration;
        services.AddHttpClient<PrometheusClient>(http => http.BaseAddress = UpstreamAddresses.Read(configuration, UpstreamAddresses.PrometheusKey));
        services.AddHttpClient<AlertmanagerClient>(http => http.BaseAddress = UpstreamAddresses.Read(configuration, UpstreamAddresses.AlertmanagerKey));
        services.ConfigureAll<HttpStandardResilienceOptions>(ConfigureUpstreamResilience);

        services.AddHealthChecks().AddCheck<NotificationStoreHealthCheck>("notifications");
    }

    /// <summary>The middleware: error pages, loopback-only reads, anti-forgery.</summary>
    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<LoopbackOnlyMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAntiforgery();
        if (!app.Services.GetRequiredService<WebhookToken>().IsConfigured)
        {
            app.Logger.LogWarning("Alerts:WebhookToken is not set: every call to {Webhook} will be refused with 401.", AlertmanagerWebhookApi.Path);
        }

        return app;
    }

    /// <summary>Maps the webhook, the read API, the static assets and the pages.</summary>
    public static WebApplication MapAlertsApp(this WebApplication app)
    {
        app.MapAlertmanagerWebhook();
        app.MapAlertsApi();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(service => service.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    // Pages wait on Prometheus and Alertmanager while a person watches: both are local, so a short
    // attempt, one quick retry, and an answer ("unreachable") within a few seconds rather than the
    // standard handler's 30 s.
    private static void ConfigureUpstreamResilience(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(4);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(9);
    }
}
