using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.Alerts.Receiving;

namespace Winyx.Alerts.Storage;

/// <summary>
/// Healthy while the history file is in place; Degraded when no webhook token is configured (the app
/// serves, but refuses every notification).
/// </summary>
public sealed class NotificationStoreHealthCheck(NotificationStore store, WebhookToken token) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(store.FilePath))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The history file {store.FilePath} is missing."));
        }

        return Task.FromResult(token.IsConfigured
            ? HealthCheckResult.Healthy($"{store.Count} notifications kept.")
            : HealthCheckResult.Degraded("Alerts:WebhookToken is not set: every webhook call is refused."));
    }
}
