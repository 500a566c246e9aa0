using System.Globalization;

namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>
/// The proof's own reading of the host's CPU (<c>/proc/stat</c>, the file the node exporter reads), twice a
/// second for the whole run. It tells a HighCPUUsage that fired because the machine really was busy (a true
/// alert about the host, e.g. other work on a shared CI box) from one whose condition did not hold.
/// </summary>
public sealed class HostCpuSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset At, long Total, long Idle)> _samples = [];
    private readonly PeriodicLoop _loop;

    /// <summary>Starts sampling.</summary>
    public HostCpuSampler() => _loop = new PeriodicLoop(Interval, _ => Sample());

    /// <summary>
    /// Busy share of all cores (1 − idle, as the recording rule computes it) between the samples nearest
    /// <paramref name="from"/> and <paramref name="to"/>; null when the run has no samples there.
    /// </summary>
    public double? Utilisation(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_lock)
        {
            var first = _samples.LastOrDefault(s => s.At <= from);
            var last = _samples.LastOrDefault(s => s.At <= to);
            if (first == default || last == default || last.Total <= first.Total)
            {
                return null;
            }

            return 1 - ((double)(last.Idle - first.Idle) / (last.Total - first.Total));
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _loop.DisposeAsync();

    // The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal guest guest_nice".
    private static (long Total, long Idle) Read()
    {
        using var reader = new StreamReader("/proc/stat");
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Sum(), fields[3]);
    }

    private Task Sample()
    {
        var (total, idle) = Read();
        lock (_lock)
        {
            _samples.Add((DateTimeOffset.UtcNow, total, idle));
        }

        return Task.CompletedTask;
    }
}
