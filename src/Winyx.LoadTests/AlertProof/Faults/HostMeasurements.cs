using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>
/// The host's memory and disk utilisation, computed as the node exporter's recording rules do, and its
/// password-hashing rate.
/// </summary>
public static class HostMeasurements
{
    // The recording rule's fstype filter (monitoring/prometheus/rules/recording.yml) plus the node
    // exporter's default mount-point exclusions.
    private static readonly string[] IgnoredFormats = ["tmpfs", "ramfs", "devtmpfs", "overlay", "squashfs", "iso9660", "nsfs", "fuse.lxcfs", "proc", "sysfs", "cgroup", "cgroup2"];
    private static readonly string[] IgnoredMounts = ["/dev", "/proc", "/sys", "/run", "/var/lib/docker", "/var/lib/containers"];

    /// <summary><c>MemTotal</c> and <c>MemAvailable</c> in bytes (<c>/proc/meminfo</c>).</summary>
    public static (long Total, long Available) Memory()
    {
        var lines = File.ReadAllLines("/proc/meminfo");
        long Field(string name) => long.Parse(lines.First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Field("MemTotal"), Field("MemAvailable"));
    }

    /// <summary>1 − available / total memory.</summary>
    public static double MemoryUtilisation()
    {
        var (total, available) = Memory();
        return 1 - ((double)available / total);
    }

    /// <summary>Size and space available to unprivileged users of the filesystem holding <paramref name="path"/>.</summary>
    public static (long Size, long Available) Disk(string path)
    {
        var drive = new DriveInfo(path);
        return (drive.TotalSize, drive.AvailableFreeSpace);
    }

    /// <summary>The highest utilisation (1 − avail / size) over the filesystems the disk alert watches.</summary>
    public static double HighestDiskUtilisation() =>
        DriveInfo.GetDrives()
            .Where(d => d.IsReady && d.TotalSize > 0 && !IgnoredFormats.Contains(d.DriveFormat, StringComparer.Ordinal)
                && !IgnoredMounts.Any(m => d.Name == m || d.Name.StartsWith(m + "/", StringComparison.Ordinal)))
            .Select(d => 1 - ((double)d.AvailableFreeSpace / d.TotalSize))
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>
    /// PBKDF2-HMAC-SHA512 hashes of <paramref name="iterations"/> iterations (ASP.NET Core Identity V3, as
    /// UserRpc hashes) one core of the machine computes a second, measured for about <paramref name="sample"/>.
    /// </summary>
    public static double PasswordHashesPerSecond(int iterations, TimeSpan sample)
    {
        var salt = new byte[16];
        var clock = Stopwatch.StartNew();
        var hashes = 0;
        do
        {
            Rfc2898DeriveBytes.Pbkdf2("guess-123456"u8, salt, iterations, HashAlgorithmName.SHA512, 32);
            hashes++;
        }
        while (clock.Elapsed < sample);

        return hashes / clock.Elapsed.TotalSeconds;
    }
}
