using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Configuration;

/// <summary>Secrets as Aspire parameters, generated once and kept owner-only in the data directory.</summary>
public static class SecretParameterExtensions
{
    /// <summary>
    /// Adds a secret parameter whose value is generated on first use and kept in
    /// <c>&lt;data dir&gt;/secrets.json</c> (mode 0600), so restarts reuse it. A value configured as
    /// <c>Parameters:&lt;name&gt;</c> (user secrets, environment) wins over the generated one.
    /// </summary>
    /// <example><code>var jwtKey = builder.AddGeneratedSecret("jwt-signing-key");</code></example>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, [ResourceName] string name, int length = 32)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var store = new SecretStore(builder.GetDataDirectory());
        var configuration = builder.Configuration;
        return builder.AddParameter(name, () => configuration[$"Parameters:{name}"] is { Length: > 0 } configured ? configured : store.GetOrCreate(name, length), secret: true);
    }
}
