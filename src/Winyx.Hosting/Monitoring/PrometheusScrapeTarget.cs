namespace Winyx.Hosting.Monitoring;

/// <summary>One endpoint Prometheus scrapes.</summary>
/// <param name="Job">The scrape job (DESIGN.md: <c>prometheus</c>, <c>alertmanager</c>, <c>node</c>,
/// <c>mysql</c>, <c>redis</c>, <c>api</c>, <c>userrpc</c>, <c>web</c>, <c>dashboard</c>).</param>
/// <param name="Address"><c>host:port</c>, e.g. <c>127.0.0.1:8888</c>.</param>
/// <param name="Labels">Target labels; must include <c>service</c> (the resource name).</param>
public sealed record PrometheusScrapeTarget(string Job, string Address, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The metrics path (every target of one job must share it).</summary>
    public string MetricsPath { get; init; } = "/metrics";

    /// <summary><c>http</c> or <c>https</c> (every target of one job must share it).</summary>
    public string Scheme { get; init; } = "http";

    /// <summary>A target labelled only with its service: <c>service=<paramref name="service"/></c>.</summary>
    public static PrometheusScrapeTarget ForService(string job, string address, string service) =>
        new(job, address, new Dictionary<string, string>(StringComparer.Ordinal) { ["service"] = service });
}
