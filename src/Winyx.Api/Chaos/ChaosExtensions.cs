using Microsoft.Extensions.Options;

namespace Winyx.Api.Chaos;

/// <summary>Registers and inserts the chaos switch.</summary>
public static class ChaosExtensions
{
    /// <summary>Binds <see cref="ChaosOptions"/> and adds the state; <paramref name="configure"/> may rename targets.</summary>
    /// <example><code>builder.AddChaos();</code></example>
    public static IHostApplicationBuilder AddChaos(this IHostApplicationBuilder builder, Action<ChaosOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<ChaosOptions>()
            .Bind(builder.Configuration.GetSection(ChaosOptions.SectionName))
            .Validate(o => !o.Enabled || !string.IsNullOrEmpty(o.Key), "Chaos:Enabled=true requires Chaos:Key (the X-Chaos-Key value).")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton<ChaosState>();
        return builder;
    }

    /// <summary>Adds the fault-injecting middleware when chaos is enabled (after routing, before the endpoints).</summary>
    public static IApplicationBuilder UseChaos(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ChaosOptions>>().Value.Enabled
            ? app.UseMiddleware<ChaosMiddleware>()
            : app;
}
