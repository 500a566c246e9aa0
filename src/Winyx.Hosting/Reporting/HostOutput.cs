namespace Winyx.Hosting.Reporting;

/// <summary>The AppHost's own console lines (progress, table, the Dashboard line), written whole and in order.</summary>
public sealed class HostOutput
{
    private readonly Lock _gate = new();
    private readonly TextWriter _writer;

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    public HostOutput(TextWriter writer)
    {
        _writer = writer;
    }

    /// <summary>Writes one line.</summary>
    public void WriteLine(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
