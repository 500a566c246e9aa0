using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Winyx.ServiceDefaults.Discovery;

/// <summary>Service discovery and resilience for outgoing HTTP.</summary>
public static class DiscoveryExtensions
{
    /// <summary>
    /// Resolves <c>http://userrpc</c>-style addresses from <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>
    /// configuration (what Aspire injects) and gives every <c>HttpClient</c> the standard resilience
    /// handler (timeouts, retries, circuit breaker).
    /// </summary>
    public static TBuilder AddServiceDiscoveryDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }
}
