using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Where a <see cref="IBackgroundJob"/> writes its own lines: the resource's output buffer (console,
/// dashboard, control API) and its log file, like a child process's output.
/// </summary>
public sealed class JobLog
{
    private readonly Lock _gate = new();

    /// <summary>Creates the log.</summary>
    public JobLog(ProcessOutputBuffer? output, string? logFilePath)
    {
        Output = output;
        LogFilePath = logFilePath;
    }

    /// <summary>A log that goes nowhere.</summary>
    public static JobLog None { get; } = new(null, null);

    /// <summary>The resource's output buffer, or null.</summary>
    public ProcessOutputBuffer? Output { get; }

    /// <summary>The resource's log file, or null.</summary>
    public string? LogFilePath { get; }

    /// <summary>Appends one line (standard error for failures, so it reads like a process's error).</summary>
    public void Write(string line, bool isError = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        Output?.Add(new OutputLine(DateTimeOffset.UtcNow, isError ? OutputStreamKind.StandardError : OutputStreamKind.StandardOutput, line));
        if (LogFilePath is not null)
        {
            lock (_gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(LogFilePath)!);
                File.AppendAllText(LogFilePath, line + Environment.NewLine);
            }
        }
    }
}
