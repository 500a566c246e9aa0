namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>
/// Polls Prometheus' alerts every <see cref="PollInterval"/> for the whole proof and keeps each alert
/// instance's span (pending → firing → gone): the data of the timeline and of precision and recall.
/// </summary>
public sealed class AlertWatcher : IAsyncDisposable
{
    /// <summary>How often Prometheus is asked; well under the compressed evaluation interval.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly MonitoringApis _apis;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AlertSpan> _open = new(StringComparer.Ordinal);
    private readonly List<AlertSpan> _closed = [];
    private readonly PeriodicLoop _loop;
    private IReadOnlyList<PrometheusAlert> _current = [];

    /// <summary>Starts polling.</summary>
    public AlertWatcher(MonitoringApis apis)
    {
        _apis = apis;
        _loop = new PeriodicLoop(PollInterval, PollAsync);
    }

    /// <summary>Alerts Prometheus held at the last poll.</summary>
    public IReadOnlyList<PrometheusAlert> Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Every span seen so far, ended or not, in the order first seen.</summary>
    public IReadOnlyList<AlertSpan> Spans()
    {
        lock (_lock)
        {
            return [.. _closed.Concat(_open.Values).OrderBy(s => s.SeenAt)];
        }
    }

    /// <summary>Spans that overlap <paramref name="from"/>–<paramref name="to"/> and fired in it.</summary>
    public IReadOnlyList<AlertSpan> FiredBetween(DateTimeOffset from, DateTimeOffset to) =>
        [.. Spans().Where(s => s.FiringAt is { } firing && firing <= to && (s.EndedAt ?? DateTimeOffset.MaxValue) >= from)];

    /// <summary>Spans first seen in <paramref name="from"/>–<paramref name="to"/> that fired: what a fault in that time raised.</summary>
    public IReadOnlyList<AlertSpan> RaisedBetween(DateTimeOffset from, DateTimeOffset to) =>
        [.. Spans().Where(s => s.SeenAt >= from && s.SeenAt <= to && s.FiringAt is not null)];

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _loop.DisposeAsync();

    private async Task PollAsync(CancellationToken stop)
    {
        IReadOnlyList<PrometheusAlert> alerts;
        try
        {
            alerts = await _apis.AlertsAsync(stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            return; // Prometheus restarting or slow: the next poll sees the same alerts.
        }

        Record(alerts, DateTimeOffset.UtcNow);
    }

    private void Record(IReadOnlyList<PrometheusAlert> alerts, DateTimeOffset now)
    {
        lock (_lock)
        {
            _current = alerts;
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alert in alerts)
            {
                present.Add(alert.Identity);
                var span = _open.TryGetValue(alert.Identity, out var open) ? open : new AlertSpan(alert.Identity, alert.Name, alert.Severity, now);
                _open[alert.Identity] = alert.IsFiring && span.FiringAt is null ? span with { FiringAt = now } : span;
            }

            foreach (var gone in _open.Keys.Where(identity => !present.Contains(identity)).ToList())
            {
                _closed.Add(_open[gone] with { EndedAt = now });
                _open.Remove(gone);
            }
        }
    }
}
