using System.Globalization;
using Aspire.Hosting;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Backup;

/// <summary>
/// How often the backup job backs up and re-checks its newest backup under a run's options. The
/// seed backs up daily and alerts at 25 h (BackupTooOld), so backups come 24/25 of the alert's age
/// apart: 24 h divided by <c>--time-scale</c> (at least <see cref="MinimumInterval"/>), and, when
/// <c>--alert-threshold BackupTooOld[:warning]=T</c> lowers the alert to T seconds, at most
/// T × 24/25 seconds, so a healthy job still never lets the alert fire.
/// </summary>
/// <param name="Interval">Time between scheduled backups (<c>Backup:Interval</c>).</param>
/// <param name="VerifyInterval">Time between checks of the newest backup on disk (<c>Backup:VerifyInterval</c>).</param>
/// <example>
/// <code>
/// BackupSchedule.For(new WinyxOptions { TimeScale = 60 });
/// // Interval 24 min, VerifyInterval 1 s
/// BackupSchedule.For(new WinyxOptions { TimeScale = 60 }.WithAlertThreshold(AlertThresholdOverride.Parse("BackupTooOld:warning=30")));
/// // Interval 28.8 s (30 s × 24/25), VerifyInterval 1 s
/// </code>
/// </example>
public sealed record BackupSchedule(TimeSpan Interval, TimeSpan VerifyInterval)
{
    /// <summary>The seed's backup interval: daily.</summary>
    public static readonly TimeSpan ProductionInterval = TimeSpan.FromHours(24);

    /// <summary>The shortest interval between backups, whatever the options say: a dump takes a moment.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(10);

    /// <summary>How often the job re-reads its newest backup in production.</summary>
    public static readonly TimeSpan ProductionVerifyInterval = TimeSpan.FromMinutes(1);

    /// <summary>The shortest interval between checks of the newest backup.</summary>
    public static readonly TimeSpan MinimumVerifyInterval = TimeSpan.FromSeconds(1);

    /// <summary>The alert whose threshold bounds the interval.</summary>
    public const string BackupTooOldAlert = "BackupTooOld";

    // The seed: backups every 24 h, BackupTooOld (warning) after 25 h.
    private const double IntervalShareOfAlertAge = 24.0 / 25.0;

    /// <summary>The schedule under <paramref name="options"/>.</summary>
    /// <exception cref="DistributedApplicationException">A BackupTooOld override leaves less than <see cref="MinimumInterval"/> between backups; the message names the flag.</exception>
    public static BackupSchedule For(WinyxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var interval = Max(Divide(ProductionInterval, options.TimeScale), MinimumInterval);
        if (WarningAge(options) is { } threshold)
        {
            var bound = TimeSpan.FromSeconds(threshold.Value * IntervalShareOfAlertAge);
            if (bound < MinimumInterval)
            {
                var smallest = MinimumInterval.TotalSeconds / IntervalShareOfAlertAge;
                throw new DistributedApplicationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--alert-threshold {threshold} would leave {bound.TotalSeconds:0.###} s between backups ({threshold.FormattedValue} s × 24/25), below the {MinimumInterval.TotalSeconds:0} s minimum: give BackupTooOld a threshold of at least {Math.Ceiling(smallest * 1000) / 1000:0.###} seconds."));
            }

            interval = bound < interval ? bound : interval;
        }

        return new BackupSchedule(interval, Max(Divide(ProductionVerifyInterval, options.TimeScale), MinimumVerifyInterval));
    }

    // BackupTooOld's warning threshold in seconds: the warning override, else the severity-less one.
    private static AlertThresholdOverride? WarningAge(WinyxOptions options) =>
        options.AlertThresholds.FirstOrDefault(t => t.Alert == BackupTooOldAlert && t.Severity == "warning")
        ?? options.AlertThresholds.FirstOrDefault(t => t.Alert == BackupTooOldAlert && t.Severity is null);

    private static TimeSpan Divide(TimeSpan span, double factor) => TimeSpan.FromTicks((long)(span.Ticks / factor));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
