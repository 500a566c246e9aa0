using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Winyx.ServiceDefaults.Redaction;

/// <summary>Registers the one <see cref="SecretRedactor"/> of a service, configured from <c>Logging:Redaction</c>.</summary>
internal static class RedactionServiceCollectionExtensions
{
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services)
    {
        services.AddOptions<RedactionOptions>().BindConfiguration(RedactionOptions.SectionName);
        services.TryAddSingleton(provider =>
            new SecretRedactor(provider.GetRequiredService<IOptions<RedactionOptions>>().Value.Fields));
        return services;
    }
}
