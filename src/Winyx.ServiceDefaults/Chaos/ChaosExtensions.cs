using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Winyx.ServiceDefaults.Chaos;

/// <summary>Registers the chaos switch and inserts its HTTP middleware.</summary>
public static class ChaosExtensions
{
    /// <summary>
    /// Binds <see cref="ChaosOptions"/> (refusing to start when enabled without a key) and adds the
    /// <see cref="ChaosSwitch"/>. <c>AddServiceDefaults()</c> calls it, so services do not.
    /// </summary>
    public static TBuilder AddChaos<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(ChaosSwitch)))
        {
            return builder;
        }

        builder.Services.AddOptions<ChaosOptions>()
            .BindConfiguration(ChaosOptions.SectionName)
            .Validate(o => !o.Enabled || !string.IsNullOrEmpty(o.Key), "Chaos:Enabled=true requires Chaos:Key (the X-Chaos-Key value).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ChaosSwitch>();
        return builder;
    }

    /// <summary>
    /// Adds the fault-injecting middleware when chaos is enabled (a no-op otherwise). Place it after routing
    /// and the exception handler, before the endpoints.
    /// </summary>
    /// <example>
    /// <code>
    /// app.UseExceptionHandler();
    /// app.UseChaos();   // 500 problem details on the chosen route templates
    /// // A web frontend: pages as targets, failures through its friendly error page.
    /// app.UseChaos(o => { o.Target = PageEndpoint.NameOf; o.Failure = ChaosFailureMode.Exception; });
    /// </code>
    /// </example>
    public static IApplicationBuilder UseChaos(this IApplicationBuilder app, Action<ChaosHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<IOptions<ChaosOptions>>()?.Value.Enabled != true)
        {
            return app;
        }

        var options = new ChaosHttpOptions();
        configure?.Invoke(options);
        return app.UseMiddleware<ChaosMiddleware>(options);
    }
}
