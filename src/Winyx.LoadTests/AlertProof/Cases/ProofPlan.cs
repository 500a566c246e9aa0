using System.Globalization;
using Winyx.Hosting.Monitoring;
using Winyx.LoadTests.AlertProof.Faults;

namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>
/// The thresholds this run lowers, decided from the machine before the fleet starts (the AppHost
/// takes them as <c>--alert-threshold</c>): the real ones would harm a shared 2-core machine or,
/// for the backup age, cannot elapse in a CI run; and the login storm this machine can hash.
/// </summary>
/// <param name="Memory">HighMemoryUsage's warning threshold for the run.</param>
/// <param name="Disk">HighDiskUsage's warning threshold for the run.</param>
/// <param name="BackupAge">BackupTooOld's warning threshold for the run.</param>
/// <param name="Logins">What one core hashes, and UserLoginFailureSpike's count when that is too slow for 50.</param>
public sealed record ProofPlan(ThresholdOverride Memory, ThresholdOverride Disk, ThresholdOverride BackupAge, LoginStorm Logins)
{
    /// <summary>How far above today's memory use the lowered threshold sits: room for the fleet itself (~2 GiB on 24).</summary>
    public const double MemoryHeadroom = 0.15;

    /// <summary>How far above the fullest watched filesystem the lowered threshold sits.</summary>
    public const double DiskHeadroom = 0.02;

    /// <summary>BackupTooOld's age threshold for the run; the AppHost then backs up every 24/25 of it.</summary>
    public static readonly TimeSpan BackupAgeThreshold = TimeSpan.FromSeconds(30);

    /// <summary>How long the machine's hash rate is measured for.</summary>
    public static readonly TimeSpan HashSample = TimeSpan.FromSeconds(1);

    /// <summary>The plan for this machine as it is now, for rules compressed <paramref name="timeScale"/> times.</summary>
    public static ProofPlan ForThisMachine(double timeScale)
    {
        var memory = Math.Round(HostMeasurements.MemoryUtilisation() + MemoryHeadroom, 3);
        var disk = Math.Round(HostMeasurements.HighestDiskUtilisation() + DiskHeadroom, 3);
        return new ProofPlan(
            new ThresholdOverride("HighMemoryUsage", "warning", memory, "0.85",
                string.Create(CultureInfo.InvariantCulture, $"taking 85 % of this machine's memory would starve the fleet and anything else on a shared 2-core box; the run sets it {MemoryHeadroom:P0} above the memory in use before the fleet started, and the fault takes real memory past it")),
            new ThresholdOverride("HighDiskUsage", "warning", disk, "0.80",
                string.Create(CultureInfo.InvariantCulture, $"filling a shared disk to 80 % would break other work; the run sets it {DiskHeadroom:P0} above the fullest watched filesystem, and the fault reserves real blocks past it")),
            new ThresholdOverride("BackupTooOld", "warning", BackupAgeThreshold.TotalSeconds, "25 * 3600",
                "25 hours of age is arithmetic on time(), which time compression cannot shorten; the run alerts at 30 s of age and the AppHost backs up every 28.8 s, keeping the seed's 24 h : 25 h ratio"),
            LoginStorm.Plan(
                HostMeasurements.PasswordHashesPerSecond(LoginStorm.HashIterations, HashSample),
                new MonitoringTimeScale(timeScale).CompressDuration(TimeSpan.FromMinutes(5))));
    }

    /// <summary>The AppHost arguments for the overrides <paramref name="cases"/> rely on.</summary>
    public static IReadOnlyList<string> AppHostArguments(IEnumerable<ProofCase> cases) =>
        [.. cases.SelectMany(c => c.Expected).Select(e => e.Override).OfType<ThresholdOverride>().Distinct()
            .SelectMany(o => new[] { "--alert-threshold", o.Argument })];
}
