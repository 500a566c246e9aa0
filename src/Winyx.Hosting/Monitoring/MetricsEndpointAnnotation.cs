using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Marks a resource for Prometheus: each of its endpoint's addresses becomes a target of
/// <paramref name="Job"/> (the seed's job names: api, userrpc, web, mysql, redis, node, …) with
/// the label <c>service=&lt;resource name&gt;</c>.
/// </summary>
/// <param name="Job">The scrape job.</param>
/// <param name="EndpointName">The endpoint serving the metrics.</param>
/// <param name="Path">The metrics path.</param>
public sealed record MetricsEndpointAnnotation(string Job, string EndpointName, string Path) : IResourceAnnotation;
