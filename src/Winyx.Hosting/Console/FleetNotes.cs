namespace Winyx.Hosting.Console;

/// <summary>Lines the console shows beside the resource table: resources left out of the model, and why.</summary>
public sealed class FleetNotes
{
    private readonly List<string> _lines = [];

    /// <summary>The notes, in the order they were added.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Adds one line.</summary>
    public void Add(string line) => _lines.Add(line);
}
