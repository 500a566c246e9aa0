using Microsoft.Extensions.Configuration;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>AddParameter</c>: values from configuration, or generated secrets kept under <c>.winyx/</c>.</summary>
public static class ParameterResourceBuilderExtensions
{
    /// <summary>
    /// Adds a parameter read from configuration (<c>Parameters:&lt;name&gt;</c>, or the environment
    /// variable <c>Parameters__&lt;name&gt;</c>); else <paramref name="defaultValue"/>; else, with
    /// <paramref name="generate"/>, a random value generated once and kept in the user-only
    /// secrets file, so restarts reuse it.
    /// </summary>
    /// <example><code>var jwtKey = builder.AddParameter("jwt-signing-key", secret: true, generate: true);</code></example>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false, string? defaultValue = null, bool generate = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var secrets = builder.Secrets;
        return builder.AddResource(new ParameterResource(name, () =>
            configuration[$"Parameters:{name}"]
            ?? defaultValue
            ?? (generate ? secrets.GetOrCreate(name) : null), secret));
    }
}
