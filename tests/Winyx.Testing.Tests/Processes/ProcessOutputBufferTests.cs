using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing.Tests.Processes;

public sealed class ProcessOutputBufferTests
{
    [Fact]
    public void KeepsOnlyTheNewestLinesUpToItsCapacity()
    {
        var buffer = new ProcessOutputBuffer(capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            buffer.Add(Line($"line {i}"));
        }

        Assert.Equal(["line 3", "line 4", "line 5"], buffer.Snapshot().Select(l => l.Text));
        Assert.Equal(["line 4", "line 5"], buffer.Tail(2).Select(l => l.Text));
        Assert.Equal(5, buffer.TotalLines);
    }

    [Fact]
    public async Task WatchStreamsTheHistoryThenNewLines()
    {
        var buffer = new ProcessOutputBuffer();
        buffer.Add(Line("before"));
        using var cancel = new CancellationTokenSource(Shell.Deadline);
        var seen = new List<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var line in buffer.WatchAsync(cancellationToken: cancel.Token))
            {
                seen.Add(line.Text);
                if (line.Text == "after")
                {
                    return;
                }
            }
        });

        await Poll.UntilAsync(() => seen.Contains("before"), Shell.Deadline, "the watcher saw the history");
        buffer.Add(Line("after"));
        await watching;

        Assert.Equal(["before", "after"], seen);
    }

    [Fact]
    public void RaisesLineAddedForEveryLine()
    {
        var buffer = new ProcessOutputBuffer(capacity: 1);
        var raised = new List<string>();
        buffer.LineAdded += line => raised.Add(line.Text);

        buffer.Add(Line("a"));
        buffer.Add(Line("b"));

        Assert.Equal(["a", "b"], raised);
    }

    private static OutputLine Line(string text) => new(DateTimeOffset.UtcNow, OutputStreamKind.StandardOutput, text);
}
