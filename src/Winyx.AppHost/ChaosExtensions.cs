using Winyx.Hosting.ApplicationModel;

namespace Winyx.AppHost;

/// <summary>The services' fault-injection switch (DESIGN.md's chaos contract), on in the test profile only.</summary>
internal static class ChaosExtensions
{
    /// <summary>
    /// Sets <c>Chaos__Enabled</c> (true under <c>--profile test</c>, which <c>--isolated</c> implies)
    /// and <c>Chaos__Key</c>, the <c>X-Chaos-Key</c> the load tests send.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithChaos(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ParameterResource> key)
    {
        var enabled = builder.ApplicationBuilder.ExecutionContext.Options.IsTestProfile;
        return builder
            .WithEnvironment("Chaos__Enabled", enabled ? "true" : "false")
            .WithEnvironment("Chaos__Key", key);
    }
}
