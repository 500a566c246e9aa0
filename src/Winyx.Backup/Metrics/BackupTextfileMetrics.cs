using System.Globalization;
using System.Text;

namespace Winyx.Backup.Metrics;

/// <summary>
/// The backup metrics of the alert rules (<c>monitoring/prometheus/rules/backup.yml</c>) as a node
/// exporter textfile, written atomically (temporary file + rename) so a scrape never sees half a file.
/// </summary>
public static class BackupTextfileMetrics
{
    /// <summary>The file name in the textfile directory.</summary>
    public const string FileName = "backup.prom";

    /// <summary>The exposition text for one backup type.</summary>
    public static string Format(string type, long lastSuccessUnixSeconds, long sizeBytes, long minimumSizeBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var escaped = type.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
        var labels = $"{{type=\"{escaped}\"}}";
        var text = new StringBuilder();
        Gauge(text, "backup_last_success_timestamp_seconds", "Unix time the newest finished backup was started, from its name (0 while there is none).", labels, lastSuccessUnixSeconds);
        Gauge(text, "backup_size_bytes", "Size in bytes of the newest finished backup, as on disk now.", labels, sizeBytes);
        Gauge(text, "backup_min_size_bytes", "Smallest acceptable backup size in bytes (BackupTooSmall).", labels, minimumSizeBytes);
        return text.ToString();
    }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="directory"/> atomically; returns its path.</summary>
    public static string Write(string directory, string type, long lastSuccessUnixSeconds, long sizeBytes, long minimumSizeBytes)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        // The collector reads only *.prom, so the temporary name is never scraped.
        var temporary = Path.Combine(directory, $".{FileName}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp");
        File.WriteAllText(temporary, Format(type, lastSuccessUnixSeconds, sizeBytes, minimumSizeBytes));
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// Writes the "never succeeded" file (timestamp 0, so BackupTooOld fires) unless one exists:
    /// an existing file holds an older success, which must keep ageing.
    /// Returns true when it wrote the file.
    /// </summary>
    public static bool WriteNeverSucceededUnlessPresent(string directory, string type, long minimumSizeBytes)
    {
        if (File.Exists(Path.Combine(directory, FileName)))
        {
            return false;
        }

        Write(directory, type, 0, 0, minimumSizeBytes);
        return true;
    }

    private static void Gauge(StringBuilder text, string name, string help, string labels, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name}{labels} {value}\n");
}
