using System.Text.Json;

namespace Winyx.Hosting.ControlApi;

/// <summary>The latest Alertmanager webhook notifications (bounded), for the dashboard and the load tests.</summary>
public sealed class AlertNotificationStore
{
    private const int Capacity = 1000;
    private readonly Lock _gate = new();
    private readonly Queue<AlertNotification> _notifications = new();

    /// <summary>Stores a notification, dropping the oldest when full.</summary>
    public void Add(JsonElement payload)
    {
        lock (_gate)
        {
            if (_notifications.Count == Capacity)
            {
                _notifications.Dequeue();
            }

            _notifications.Enqueue(new AlertNotification(DateTimeOffset.UtcNow, payload));
        }
    }

    /// <summary>The stored notifications, oldest first.</summary>
    public IReadOnlyList<AlertNotification> Snapshot()
    {
        lock (_gate)
        {
            return _notifications.ToArray();
        }
    }
}
