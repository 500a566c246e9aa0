namespace Winyx.Hosting.ApplicationModel;

/// <summary>The allocated port of endpoint <see cref="EndpointName"/> is passed in variable <see cref="VariableName"/>.</summary>
/// <param name="EndpointName">The endpoint.</param>
/// <param name="VariableName">The environment variable, e.g. <c>Management__Port</c>.</param>
public sealed record EndpointEnvironmentAnnotation(string EndpointName, string VariableName) : IResourceAnnotation;
