using Xunit;

namespace Winyx.Api.Tests.Infrastructure;

/// <summary>
/// Snapshots some series, then after the actions checks each moved by exactly the expected amount. Both
/// reads go through a fence request, so neither is an earlier cached scrape.
/// </summary>
public sealed class MetricExpectation
{
    private readonly ApiClient _client;
    private readonly List<(string Metric, (string, string)[] Labels, double Before, double Delta)> _series = [];

    private MetricExpectation(ApiClient client) => _client = client;

    /// <summary>Starts an expectation read through <paramref name="client"/>.</summary>
    public static MetricExpectation Using(ApiClient client) => new(client);

    /// <summary>Expects <paramref name="metric"/>{<paramref name="labels"/>} to move by <paramref name="delta"/>.</summary>
    public MetricExpectation Expect(string metric, double delta, params (string, string)[] labels)
    {
        _series.Add((metric, labels, 0, delta));
        return this;
    }

    /// <summary>Reads the current values; call before the actions.</summary>
    public async Task<MetricExpectation> SnapshotAsync()
    {
        var scrape = await _client.FreshScrapeAsync();
        for (var i = 0; i < _series.Count; i++)
        {
            var s = _series[i];
            _series[i] = s with { Before = scrape.Value(s.Metric, s.Labels) ?? 0 };
        }

        return this;
    }

    /// <summary>Asserts each series moved by exactly its delta since <see cref="SnapshotAsync"/>.</summary>
    public async Task VerifyAsync()
    {
        var scrape = await _client.FreshScrapeAsync();
        foreach (var s in _series)
        {
            var after = scrape.Value(s.Metric, s.Labels) ?? 0;
            Assert.True(after - s.Before == s.Delta,
                $"{s.Metric}{{{string.Join(",", s.Labels.Select(l => $"{l.Item1}=\"{l.Item2}\""))}}} moved by {after - s.Before}, expected {s.Delta}");
        }
    }
}
