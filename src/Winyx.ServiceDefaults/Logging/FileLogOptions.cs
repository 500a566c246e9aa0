using Microsoft.Extensions.Logging;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// One JSON-lines log file output, rolled daily and by size, with retention by age and count
/// (seed 000 §5.2.1). Bound from <c>Logging:File</c> (the main file) or <c>Logging:Files:&lt;name&gt;</c>
/// (extra outputs, e.g. an error-only log).
/// </summary>
/// <example>
/// <code>
/// "Logging": {
///   "File":  { "Path": "/var/log/winyx/api" },
///   "Files": { "error": { "Path": "/var/log/winyx/web", "MinimumLevel": "Error", "KeepDays": 14 } }
/// }
/// </code>
/// </example>
public sealed class FileLogOptions
{
    /// <summary>Directory of the files. An output without a path is not written.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Base file name; files are named <c>&lt;FileName&gt;-yyyyMMdd.log</c>, then <c>_001</c>, <c>_002</c>…
    /// when a day's file reaches <see cref="MaxSizeMB"/>. Defaults to the application name for
    /// <c>Logging:File</c> and to the output's name for <c>Logging:Files:&lt;name&gt;</c>.
    /// </summary>
    public string? FileName { get; set; }

    /// <summary>Least severe level written to this output (default: everything the logger emits).</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

    /// <summary>Rolled files older than this many days are deleted (default 7).</summary>
    public int KeepDays { get; set; } = 7;

    /// <summary>A file rolls over when it reaches this size in MiB; fractions allowed (default 100).</summary>
    public double MaxSizeMB { get; set; } = 100;

    /// <summary>How many rolled files are kept besides the one being written (default 30).</summary>
    public int MaxBackups { get; set; } = 30;

    /// <summary>Whether rolled files are gzip-compressed to <c>.log.gz</c> (default true).</summary>
    public bool Compress { get; set; } = true;

    /// <summary>The size limit in bytes.</summary>
    internal long MaxSizeBytes => Math.Max(1, (long)(MaxSizeMB * 1024 * 1024));
}
