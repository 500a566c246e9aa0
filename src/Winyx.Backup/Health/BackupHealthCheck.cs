using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Winyx.Backup.Health;

/// <summary>
/// The <c>backup</c> health check: Healthy after the last attempt succeeded (the newest backup's
/// size and age), Degraded before the first attempt finished, Unhealthy while the last attempt failed.
/// </summary>
public sealed class BackupHealthCheck(BackupStatus status, TimeProvider time) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "backup";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = status.Current;
        var result = state switch
        {
            { LastAttemptAt: null } => HealthCheckResult.Degraded("no backup attempt has finished yet"),
            { LastError: { } error } => HealthCheckResult.Unhealthy(error),
            { LastSuccess: { } newest } => HealthCheckResult.Healthy(Describe(newest.Path, newest.SizeBytes, time.GetUtcNow() - newest.FinishedAt)),
            _ => HealthCheckResult.Unhealthy("no backup succeeded"),
        };
        return Task.FromResult(result);
    }

    private static string Describe(string path, long sizeBytes, TimeSpan age)
    {
        var seconds = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(age.TotalSeconds)));
        return string.Create(CultureInfo.InvariantCulture, $"newest backup {Path.GetFileName(path)}: {sizeBytes} bytes, {seconds:c} old");
    }
}
