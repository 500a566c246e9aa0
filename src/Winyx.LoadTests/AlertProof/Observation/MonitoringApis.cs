using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>
/// What the proof reads: Prometheus' HTTP API (alerts, rules, instant queries), Alertmanager's
/// (which alerts it holds and whether they are inhibited) and Winyx.Alerts' notification log.
/// </summary>
public sealed class MonitoringApis : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _prometheus;
    private readonly Uri _alertmanager;
    private readonly Uri _alerts;

    /// <summary>Reads the three services at the given base addresses.</summary>
    public MonitoringApis(Uri prometheus, Uri alertmanager, Uri alerts)
    {
        _prometheus = prometheus;
        _alertmanager = alertmanager;
        _alerts = alerts;
    }

    /// <summary>Every pending or firing alert Prometheus holds now.</summary>
    public async Task<IReadOnlyList<PrometheusAlert>> AlertsAsync(CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync(new Uri(_prometheus, "/api/v1/alerts"), cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray().Select(a => new PrometheusAlert(
            Strings(a.GetProperty("labels")),
            Strings(a.GetProperty("annotations")),
            a.GetProperty("state").GetString() ?? string.Empty,
            a.GetProperty("activeAt").GetDateTimeOffset()))];
    }

    /// <summary>Each alerting rule's <c>for:</c> as loaded (compressed), by alert name and severity.</summary>
    public async Task<IReadOnlyDictionary<(string Alert, string Severity), TimeSpan>> RuleHoldDurationsAsync(CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync(new Uri(_prometheus, "/api/v1/rules?type=alert"), cancellationToken).ConfigureAwait(false);
        var durations = new Dictionary<(string, string), TimeSpan>();
        foreach (var group in document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            foreach (var rule in group.GetProperty("rules").EnumerateArray())
            {
                var severity = rule.TryGetProperty("labels", out var labels) && labels.TryGetProperty("severity", out var s) ? s.GetString() ?? string.Empty : string.Empty;
                durations[(rule.GetProperty("name").GetString()!, severity)] = TimeSpan.FromSeconds(rule.GetProperty("duration").GetDouble());
            }
        }

        return durations;
    }

    /// <summary>The values of an instant query, one per series, with each series' labels.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promQl, CancellationToken cancellationToken)
    {
        var uri = new Uri(_prometheus, "/api/v1/query?query=" + Uri.EscapeDataString(promQl));
        using var document = await GetJsonAsync(uri, cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => (
            Strings(r.GetProperty("metric")),
            double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// Alertmanager's view of the alerts named <paramref name="alertName"/>: each one's labels and
    /// whether an inhibition rule suppresses it.
    /// </summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, bool Inhibited)>> AlertmanagerAlertsAsync(string alertName, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"alertname=\"{alertName}\"");
        using var document = await GetJsonAsync(new Uri(_alertmanager, $"/api/v2/alerts?filter={filter}"), cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.EnumerateArray().Select(a => (
            Strings(a.GetProperty("labels")),
            a.GetProperty("status").GetProperty("inhibitedBy").GetArrayLength() > 0))];
    }

    /// <summary>Every notification Winyx.Alerts received, oldest first.</summary>
    public async Task<IReadOnlyList<AlertNotification>> NotificationsAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<List<AlertNotification>>(new Uri(_alerts, "/api/notifications"), Json, cancellationToken).ConfigureAwait(false)
        ?? [];

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static Dictionary<string, string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : [];

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
