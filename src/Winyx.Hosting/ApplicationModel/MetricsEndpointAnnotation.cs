namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// The resource serves Prometheus metrics: Prometheus scrapes it as job <see cref="Job"/> with
/// label <c>service=&lt;resource name&gt;</c>.
/// </summary>
/// <param name="Job">The scrape job name (DESIGN.md: <c>node</c>, <c>mysql</c>, <c>redis</c>, or the resource name).</param>
/// <param name="EndpointName">The endpoint serving the metrics.</param>
/// <param name="Path">The metrics path.</param>
public sealed record MetricsEndpointAnnotation(string Job, string EndpointName = "http", string Path = "/metrics") : IResourceAnnotation;
