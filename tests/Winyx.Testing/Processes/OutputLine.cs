namespace Winyx.Testing.Processes;

/// <summary>One line a child process wrote, as captured by <see cref="ManagedProcess"/>.</summary>
/// <param name="Timestamp">When the line was read (UTC).</param>
/// <param name="Stream">Standard output or standard error.</param>
/// <param name="Text">The line without its terminator.</param>
public sealed record OutputLine(DateTimeOffset Timestamp, OutputStreamKind Stream, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
