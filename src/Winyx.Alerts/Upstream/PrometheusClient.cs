using System.Globalization;
using System.Text.Json;

namespace Winyx.Alerts.Upstream;

/// <summary>
/// Prometheus' HTTP API: alerts, alerting rules and queries. Its base address comes from
/// <c>services__prometheus__http__0</c>; without one <see cref="IsConfigured"/> is false and every call
/// throws <see cref="UpstreamException"/> saying so.
/// </summary>
public sealed class PrometheusClient(HttpClient http)
{
    /// <summary>Whether Prometheus' address is configured.</summary>
    public bool IsConfigured => http.BaseAddress is not null;

    /// <summary>Prometheus' address (for links), or null.</summary>
    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>The alerts pending or firing (<c>/api/v1/alerts</c>).</summary>
    public async Task<IReadOnlyList<PrometheusAlert>> GetAlertsAsync(CancellationToken ct)
    {
        var data = await ApiEnvelope.GetPrometheusDataAsync(http, "api/v1/alerts", ct).ConfigureAwait(false);
        return
        [
            .. JsonRead.Array(data, "alerts").Select(alert => new PrometheusAlert(
                JsonRead.Map(alert, "labels"),
                JsonRead.Map(alert, "annotations"),
                JsonRead.String(alert, "state") ?? "firing",
                JsonRead.Time(alert, "activeAt"))),
        ];
    }

    /// <summary>Every alerting rule with its state (<c>/api/v1/rules?type=alert</c>).</summary>
    public async Task<IReadOnlyList<PrometheusAlertRule>> GetAlertRulesAsync(CancellationToken ct)
    {
        var data = await ApiEnvelope.GetPrometheusDataAsync(http, "api/v1/rules?type=alert", ct).ConfigureAwait(false);
        return
        [
            .. JsonRead.Array(data, "groups").SelectMany(group => JsonRead.Array(group, "rules")
                .Where(rule => JsonRead.String(rule, "type") == "alerting")
                .Select(rule => new PrometheusAlertRule(
                    JsonRead.String(group, "name") ?? string.Empty,
                    JsonRead.String(rule, "name") ?? string.Empty,
                    JsonRead.String(rule, "query") ?? string.Empty,
                    TimeSpan.FromSeconds(rule.TryGetProperty("duration", out var duration) && duration.ValueKind == JsonValueKind.Number ? duration.GetDouble() : 0),
                    JsonRead.Map(rule, "labels"),
                    JsonRead.Map(rule, "annotations"),
                    JsonRead.String(rule, "state") ?? "unknown",
                    JsonRead.String(rule, "health") ?? "unknown",
                    JsonRead.String(rule, "lastError") is { Length: > 0 } error ? error : null,
                    JsonRead.Array(rule, "alerts").Count()))),
        ];
    }

    /// <summary>Runs <paramref name="query"/> over a range (<c>/api/v1/query_range</c>).</summary>
    public async Task<IReadOnlyList<PrometheusSeries>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var path = $"api/v1/query_range?query={Uri.EscapeDataString(query)}&start={Unix(start)}&end={Unix(end)}&step={step.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}";
        var data = await ApiEnvelope.GetPrometheusDataAsync(http, path, ct).ConfigureAwait(false);
        return [.. JsonRead.Array(data, "result").Select(series => new PrometheusSeries(JsonRead.Map(series, "metric"), [.. JsonRead.Array(series, "values").Select(Point)]))];
    }

    /// <summary>Runs <paramref name="query"/> at one instant (<c>/api/v1/query</c>); each series holds one point.</summary>
    public async Task<IReadOnlyList<PrometheusSeries>> QueryAsync(string query, DateTimeOffset time, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var data = await ApiEnvelope.GetPrometheusDataAsync(http, $"api/v1/query?query={Uri.EscapeDataString(query)}&time={Unix(time)}", ct).ConfigureAwait(false);
        if (JsonRead.String(data, "resultType") == "scalar" && data.TryGetProperty("result", out var scalar))
        {
            return [new PrometheusSeries(new Dictionary<string, string>(), [Point(scalar)])];
        }

        return [.. JsonRead.Array(data, "result").Select(series => new PrometheusSeries(JsonRead.Map(series, "metric"), [Point(series.GetProperty("value"))]))];
    }

    /// <summary>The values of <paramref name="label"/> on series of <paramref name="match"/> (<c>/api/v1/label/…/values</c>).</summary>
    public async Task<IReadOnlyList<string>> GetLabelValuesAsync(string label, string match, CancellationToken ct)
    {
        var data = await ApiEnvelope.GetPrometheusDataAsync(http, $"api/v1/label/{Uri.EscapeDataString(label)}/values?match[]={Uri.EscapeDataString(match)}", ct).ConfigureAwait(false);
        return data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray().Select(value => value.GetString() ?? string.Empty)] : [];
    }

    private static SeriesPoint Point(JsonElement pair) => new(pair[0].GetDouble(), JsonRead.Sample(pair[1]));

    private static string Unix(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
