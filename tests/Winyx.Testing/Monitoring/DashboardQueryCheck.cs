namespace Winyx.Testing.Monitoring;

/// <summary>
/// Runs every dashboard query against a live Prometheus until each returns data, so a test can
/// tell "the dashboards work on this fleet" in one call.
/// </summary>
public static class DashboardQueryCheck
{
    /// <summary>
    /// Queries <paramref name="prometheus"/> (base address = Prometheus) with every panel query of
    /// <see cref="DashboardCatalog"/>, again and again until all return data. Fails at once on a query
    /// Prometheus rejects (waiting cannot fix bad syntax), and at the deadline naming the empty ones.
    /// </summary>
    public static async Task AssertEveryQueryReturnsDataAsync(HttpClient prometheus, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        IReadOnlyList<PanelQuery> empty = DashboardCatalog.Queries;
        var rejected = new List<string>();
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    empty = await StillEmptyAsync(prometheus, empty, rejected);
                    return rejected.Count > 0 || empty.Count == 0;
                },
                deadline,
                "every dashboard query returned data");
        }
        catch (TimeoutException timeout)
        {
            // Name what is still empty at the deadline, not what was empty when the wait began.
            throw new TimeoutException($"Dashboard queries still empty after {deadline.TotalSeconds:0} s:\n{string.Join("\n", empty)}", timeout);
        }

        if (rejected.Count > 0)
        {
            throw new InvalidOperationException($"Dashboard queries Prometheus rejected:\n{string.Join("\n", rejected)}");
        }
    }

    private static async Task<IReadOnlyList<PanelQuery>> StillEmptyAsync(HttpClient prometheus, IReadOnlyList<PanelQuery> queries, List<string> rejected)
    {
        var stillEmpty = new List<PanelQuery>();
        foreach (var query in queries)
        {
            try
            {
                var data = await PrometheusApi.GetDataAsync(prometheus, $"api/v1/query?query={Uri.EscapeDataString(query.Resolved)}");
                if (data.GetProperty("result").GetArrayLength() == 0)
                {
                    stillEmpty.Add(query);
                }
            }
            catch (InvalidOperationException rejection)
            {
                rejected.Add($"{query}: {rejection.Message}");
            }
        }

        return stillEmpty;
    }
}
