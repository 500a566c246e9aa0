namespace Winyx.Testing.Metrics;

/// <summary>Reads a service's <c>/metrics</c>, including a scrape guaranteed to reflect earlier requests.</summary>
public static class MetricsScrape
{
    /// <summary>The scrape path every Winyx service serves.</summary>
    public const string Path = "/metrics";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>One scrape (possibly the exporter's cached copy, which it keeps for a moment).</summary>
    public static async Task<PrometheusText> ReadAsync(HttpClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var text = await client.GetStringAsync(new Uri(Path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return PrometheusText.Parse(text);
    }

    /// <summary>
    /// A scrape that reflects everything done before the call. The exporter serves a cached scrape for a
    /// moment, so <paramref name="fence"/> (a request with a known, side-effect-free footprint) goes through,
    /// and the scrape is repeated until <paramref name="metric"/>{<paramref name="labels"/>} counts it.
    /// </summary>
    /// <example>
    /// <code>
    /// var scrape = await MetricsScrape.FreshAsync(http, () => http.GetAsync("/api/users/0"),
    ///     "http_requests_total", [("endpoint", "/api/users/{id}"), ("status", "400")]);
    /// </code>
    /// </example>
    public static async Task<PrometheusText> FreshAsync(
        HttpClient client,
        Func<Task> fence,
        string metric,
        (string Name, string Value)[] labels,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var before = (await ReadAsync(client, cancellationToken).ConfigureAwait(false)).Value(metric, labels) ?? 0;
        await fence().ConfigureAwait(false);
        return await Poll.ForValueAsync(
            async () => await ReadAsync(client, cancellationToken).ConfigureAwait(false) is var scrape
                && (scrape.Value(metric, labels) ?? 0) > before ? scrape : null,
            timeout ?? DefaultTimeout,
            $"{Path} never counted the fence ({metric} with {string.Join(", ", labels.Select(l => $"{l.Name}=\"{l.Value}\""))})",
            cancellationToken).ConfigureAwait(false);
    }
}
