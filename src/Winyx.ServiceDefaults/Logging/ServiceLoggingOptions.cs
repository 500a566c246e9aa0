namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// File outputs of a service, bound from the <c>Logging</c> section next to the standard
/// <c>Logging:LogLevel</c> (which sets the levels, as in any ASP.NET Core app).
/// </summary>
public sealed class ServiceLoggingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Logging";

    /// <summary>
    /// How many records may wait for the console and file outputs (default 10000). Past that, records
    /// are dropped and counted in <c>log_records_dropped_total</c> instead of making requests wait.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// Where the console lines go: the process's standard output in large writes (<c>Stdout</c>, the
    /// default), or <see cref="Console.Out"/> (<c>ConsoleOut</c>) for a host that replaces it, as tests
    /// that capture it do.
    /// </summary>
    public LogConsoleTarget ConsoleTarget { get; set; } = LogConsoleTarget.Stdout;

    /// <summary>The main log file (<c>Logging:File</c>); not written unless its <c>Path</c> is set.</summary>
    public FileLogOptions? File { get; set; }

    /// <summary>
    /// Extra named outputs (<c>Logging:Files:&lt;name&gt;</c>), each with its own level, size and retention;
    /// the web frontend, say, keeps <c>error</c> (level Error, 14 days) and <c>combined</c> (7 days).
    /// </summary>
    public Dictionary<string, FileLogOptions> Files { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every configured output with its effective file name.</summary>
    internal IEnumerable<(string FileName, FileLogOptions Options)> Outputs(string applicationName)
    {
        if (!string.IsNullOrWhiteSpace(File?.Path))
        {
            yield return (File.FileName ?? applicationName, File);
        }

        foreach (var (name, options) in Files)
        {
            if (!string.IsNullOrWhiteSpace(options.Path))
            {
                yield return (options.FileName ?? name, options);
            }
        }
    }
}
