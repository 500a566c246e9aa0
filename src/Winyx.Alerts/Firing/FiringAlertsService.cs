using Winyx.Alerts.Storage;
using Winyx.Alerts.Upstream;

namespace Winyx.Alerts.Firing;

/// <summary>
/// The alerts firing now: derived from the stored notifications, merged with Alertmanager's
/// <c>/api/v2/alerts</c> (which also says what is silenced or inhibited) and Prometheus'
/// <c>/api/v1/alerts</c> where their addresses are configured. One alert seen by several sources is
/// one entry naming each source: the same alertname, and one label set containing the other
/// (Alertmanager's copy carries Prometheus' external labels as well).
/// </summary>
public sealed class FiringAlertsService(NotificationStore store, PrometheusClient prometheus, AlertmanagerClient alertmanager)
{
    /// <summary>Reads every source and merges them.</summary>
    public async Task<FiringAlertsReport> GetAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        var alertmanagerAlerts = ReadAsync(alertmanager.IsConfigured, () => alertmanager.GetAlertsAsync(ct), problems);
        var prometheusAlerts = ReadAsync(prometheus.IsConfigured, () => prometheus.GetAlertsAsync(ct), problems);

        var merged = NotificationFold.Firing(store.Query(NotificationQuery.All)).ToList();
        foreach (var alert in await alertmanagerAlerts.ConfigureAwait(false))
        {
            Merge(merged, new FiringAlert(alert.Labels.GetValueOrDefault("alertname") ?? string.Empty, alert.Labels, alert.Annotations, alert.StartsAt)
            {
                Sources = [AlertSource.Alertmanager],
                Receivers = alert.Receivers,
                Silenced = alert.Silenced,
                Inhibited = alert.Inhibited,
                GeneratorUrl = alert.GeneratorUrl,
            });
        }

        foreach (var alert in (await prometheusAlerts.ConfigureAwait(false)).Where(alert => alert.State == "firing"))
        {
            Merge(merged, new FiringAlert(alert.Labels.GetValueOrDefault("alertname") ?? string.Empty, alert.Labels, alert.Annotations, alert.ActiveAt)
            {
                Sources = [AlertSource.Prometheus],
            });
        }

        return new FiringAlertsReport([.. merged.OrderBy(alert => alert.Since ?? DateTimeOffset.MaxValue)], problems);
    }

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(bool configured, Func<Task<IReadOnlyList<T>>> read, List<string> problems)
    {
        if (!configured)
        {
            return [];
        }

        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (UpstreamException ex)
        {
            lock (problems)
            {
                problems.Add(ex.Message);
            }

            return [];
        }
    }

    private static void Merge(List<FiringAlert> merged, FiringAlert incoming)
    {
        var index = merged.FindIndex(known => SameAlert(known, incoming));
        if (index < 0)
        {
            merged.Add(incoming);
            return;
        }

        var known = merged[index];
        merged[index] = known with
        {
            Labels = known.Labels.Count >= incoming.Labels.Count ? known.Labels : incoming.Labels,
            Annotations = known.Annotations.Count > 0 ? known.Annotations : incoming.Annotations,
            Since = known.Since ?? incoming.Since,
            Sources = [.. known.Sources.Union(incoming.Sources)],
            Receivers = [.. known.Receivers.Union(incoming.Receivers).Order(StringComparer.Ordinal)],
            Silenced = known.Silenced || incoming.Silenced,
            Inhibited = known.Inhibited || incoming.Inhibited,
            GeneratorUrl = known.GeneratorUrl ?? incoming.GeneratorUrl,
        };
    }

    private static bool SameAlert(FiringAlert a, FiringAlert b) =>
        a.Alertname == b.Alertname && (Contains(a.Labels, b.Labels) || Contains(b.Labels, a.Labels));

    private static bool Contains(IReadOnlyDictionary<string, string> whole, IReadOnlyDictionary<string, string> part) =>
        part.All(label => whole.TryGetValue(label.Key, out var value) && value == label.Value);
}
