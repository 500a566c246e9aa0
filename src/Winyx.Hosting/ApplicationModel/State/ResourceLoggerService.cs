using System.Collections.Concurrent;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// The console output of every resource: one bounded <see cref="ProcessOutputBuffer"/> per
/// resource that survives its restarts (what the console view and the dashboard show), plus a log
/// file per copy under the data root's <c>logs/</c>.
/// </summary>
public sealed class ResourceLoggerService
{
    private readonly ConcurrentDictionary<string, ProcessOutputBuffer> _buffers = new(StringComparer.Ordinal);

    /// <summary>Creates the service; files go to <paramref name="directory"/> (none when null).</summary>
    public ResourceLoggerService(string? directory, int capacity = 5000)
    {
        Directory = directory;
        Capacity = capacity;
    }

    /// <summary>The log directory, or null.</summary>
    public string? Directory { get; }

    /// <summary>Lines kept in memory per resource.</summary>
    public int Capacity { get; }

    /// <summary>The output buffer of <paramref name="resourceName"/>, created on first use.</summary>
    public ProcessOutputBuffer GetOutput(string resourceName) =>
        _buffers.GetOrAdd(resourceName, _ => new ProcessOutputBuffer(Capacity));

    /// <summary>The log file of copy <paramref name="replicaIndex"/> of a resource: <c>api.log</c>, <c>api-1.log</c>, …</summary>
    public string? GetLogFilePath(string resourceName, int replicaIndex = 0) =>
        Directory is null ? null : Path.Combine(Directory, replicaIndex == 0 ? $"{resourceName}.log" : $"{resourceName}-{replicaIndex}.log");
}
