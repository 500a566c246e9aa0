using System.Globalization;
using System.Text;

namespace Winyx.Hosting.Backup;

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
        var label = $"{{type=\"{type.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}";
        var text = new StringBuilder();
        Gauge(text, "backup_last_success_timestamp_seconds", "Unix time of the newest successful backup (0 while none succeeded).", label, lastSuccessUnixSeconds);
        Gauge(text, "backup_size_bytes", "Size in bytes of the newest successful backup.", label, sizeBytes);
        Gauge(text, "backup_min_size_bytes", "Smallest acceptable backup size in bytes (BackupTooSmall).", label, minimumSizeBytes);
        return text.ToString();
    }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="directory"/> atomically; returns its path.</summary>
    public static string Write(string directory, string type, long lastSuccessUnixSeconds, long sizeBytes, long minimumSizeBytes)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        // The collector reads only *.prom, so the temporary name is never scraped.
        var temporary = Path.Combine(directory, $".{FileName}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, Format(type, lastSuccessUnixSeconds, sizeBytes, minimumSizeBytes));
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static void Gauge(StringBuilder text, string name, string help, string labels, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name}{labels} {value}\n");
}
