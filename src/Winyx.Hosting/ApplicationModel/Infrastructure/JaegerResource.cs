namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Jaeger all-in-one (UI and OTLP receiver). Runs from a local <c>jaeger-all-in-one</c> binary,
/// else a container, else is shown Missing with the install hint.
/// </summary>
public sealed class JaegerResource : ExecutableResource, IResourceWithServiceDiscovery
{
    /// <summary>Creates the resource.</summary>
    public JaegerResource(string name)
        : base(name, "jaeger-all-in-one", ".")
    {
    }
}
