namespace Winyx.Alerts.Receiving;

/// <summary>The webhook's answer: what was stored (Alertmanager only reads the status code).</summary>
/// <param name="ReceivedAt">When the notification was stored.</param>
/// <param name="Receiver">Its receiver.</param>
/// <param name="Alerts">How many alerts it held.</param>
public sealed record WebhookReceipt(DateTimeOffset ReceivedAt, string Receiver, int Alerts);
