using Winyx.Hosting.Health;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A health probe of the resource. A resource with probes counts as ready for <c>WaitFor</c> only
/// when every probe answers healthy; without probes, Running is ready.
/// </summary>
/// <param name="Name">A short name for the check, e.g. <c>http</c>.</param>
/// <param name="Probe">The probe.</param>
public sealed record HealthCheckAnnotation(string Name, IHealthProbe Probe) : IResourceAnnotation;
