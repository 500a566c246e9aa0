namespace Winyx.Hosting.ApplicationModel;

/// <summary>The port inside the container that endpoint <see cref="EndpointName"/> maps to.</summary>
/// <param name="EndpointName">The endpoint.</param>
/// <param name="TargetPort">The container-side port.</param>
public sealed record ContainerPortAnnotation(string EndpointName, int TargetPort) : IResourceAnnotation;
