namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// The container image of a resource. On a container resource it is how it runs; on an executable
/// it is the fallback used when the local binary is missing and a container engine answers.
/// </summary>
/// <param name="Image">e.g. <c>grafana/grafana</c>.</param>
/// <param name="Tag">e.g. <c>11.3.0</c>.</param>
public sealed record ContainerImageAnnotation(string Image, string Tag = "latest") : IResourceAnnotation
{
    /// <summary><c>image:tag</c>.</summary>
    public string Reference => $"{Image}:{Tag}";
}
