using System.Text.Json;

namespace Winyx.Hosting.ControlApi;

/// <summary>One webhook notification from Alertmanager, as received.</summary>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Payload">Alertmanager's JSON body (receiver, status, alerts, labels…).</param>
public sealed record AlertNotification(DateTimeOffset ReceivedAt, JsonElement Payload);
