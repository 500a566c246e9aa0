namespace Winyx.Hosting.Monitoring;

/// <summary>What <see cref="PrometheusConfigRenderer"/> turns into <c>prometheus.yml</c>.</summary>
/// <param name="Targets">The scrape targets; one scrape job per distinct <see cref="PrometheusScrapeTarget.Job"/>, in order of appearance.</param>
/// <param name="ExternalLabels">Labels added to every alert and remote series (DESIGN.md: <c>monitor</c>, <c>environment</c>).</param>
/// <param name="Alertmanagers">Alertmanager base URLs (e.g. <c>http://127.0.0.1:9093/</c>); a path is kept as its prefix.</param>
/// <param name="RuleFiles">Rule file paths or globs; absolute, since Prometheus reads relative ones from its config's directory.</param>
public sealed record PrometheusConfigModel(
    IReadOnlyList<PrometheusScrapeTarget> Targets,
    IReadOnlyDictionary<string, string> ExternalLabels,
    IReadOnlyList<Uri> Alertmanagers,
    IReadOnlyList<string> RuleFiles)
{
    /// <summary>The global scrape interval (<see cref="MonitoringTimeScale.ScrapeInterval"/> under a time scale).</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The rule evaluation interval (<see cref="MonitoringTimeScale.EvaluationInterval"/> under a time scale).</summary>
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The scrape timeout; null for Prometheus' 10 s default capped at the scrape interval
    /// (Prometheus rejects a timeout longer than the interval, which a compressed interval would cause).
    /// </summary>
    public TimeSpan? ScrapeTimeout { get; init; }
}
