using System.Globalization;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Runner;

/// <summary>Prints one line per scenario per reporting interval while the run goes.</summary>
internal sealed class ConsoleProgress
{
    private readonly TextWriter _writer;

    public ConsoleProgress(TextWriter writer)
    {
        _writer = writer;
    }

    public void Report(string scenario, IntervalSnapshot s)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{s.Elapsed:hh\\:mm\\:ss}] {scenario}: {s.Rps,10:N0} rps  ok {s.OkCount,8:N0}  fail {s.FailCount,6:N0}  p{s.Latency.Percentiles[0].Percentile} {s.Latency.Percentiles[0].Ms,8:F2} ms  max {s.Latency.MaxMs,8:F2} ms  in-flight {s.InFlight,5}");
        if (s.SchedulerLagP99Ms > 0 || s.DroppedIterations > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  lag p99 {s.SchedulerLagP99Ms:F2} ms  dropped {s.DroppedIterations:N0}");
        }

        _writer.WriteLine(line);
    }

    public void Message(string text) => _writer.WriteLine(text);
}
