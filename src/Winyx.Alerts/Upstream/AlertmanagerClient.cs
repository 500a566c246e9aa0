namespace Winyx.Alerts.Upstream;

/// <summary>
/// Alertmanager's v2 API: its alerts (with silences and inhibitions) and its running configuration.
/// The base address comes from <c>services__alertmanager__http__0</c>.
/// </summary>
public sealed class AlertmanagerClient(HttpClient http)
{
    /// <summary>Whether Alertmanager's address is configured.</summary>
    public bool IsConfigured => http.BaseAddress is not null;

    /// <summary>Alertmanager's address (for links), or null.</summary>
    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>Every alert Alertmanager holds, muted ones included (<c>/api/v2/alerts</c>).</summary>
    public async Task<IReadOnlyList<AlertmanagerAlert>> GetAlertsAsync(CancellationToken ct)
    {
        var body = await ApiEnvelope.GetJsonAsync(http, "Alertmanager", "api/v2/alerts", ct).ConfigureAwait(false);
        if (body.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            throw new UpstreamException("Alertmanager's /api/v2/alerts did not answer a JSON array.");
        }

        return
        [
            .. body.EnumerateArray().Select(alert =>
            {
                var status = alert.TryGetProperty("status", out var value) ? value : default;
                return new AlertmanagerAlert(
                    JsonRead.Map(alert, "labels"),
                    JsonRead.Map(alert, "annotations"),
                    JsonRead.String(status, "state") ?? "active",
                    JsonRead.Array(status, "silencedBy").Any(),
                    JsonRead.Array(status, "inhibitedBy").Any(),
                    JsonRead.Time(alert, "startsAt"),
                    [.. JsonRead.Array(alert, "receivers").Select(receiver => JsonRead.String(receiver, "name") ?? string.Empty)],
                    JsonRead.String(alert, "generatorURL"));
            }),
        ];
    }

    /// <summary>The running <c>alertmanager.yml</c> as Alertmanager reports it (<c>/api/v2/status</c>).</summary>
    public async Task<string> GetConfigurationAsync(CancellationToken ct)
    {
        var body = await ApiEnvelope.GetJsonAsync(http, "Alertmanager", "api/v2/status", ct).ConfigureAwait(false);
        return body.TryGetProperty("config", out var config) && JsonRead.String(config, "original") is { } yaml
            ? yaml
            : throw new UpstreamException("Alertmanager's /api/v2/status holds no config.original.");
    }
}
