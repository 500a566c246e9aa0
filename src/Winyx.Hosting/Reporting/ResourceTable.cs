using System.Text;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Reporting;

/// <summary>Formats the resource table printed once everything has settled.</summary>
public static class ResourceTable
{
    /// <summary>The table as lines: resource, type, state, health, URLs (and the install hint of missing ones).</summary>
    public static IReadOnlyList<string> Format(IReadOnlyList<ResourceSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        string[] header = ["Resource", "Type", "State", "Health", "URLs"];
        var rows = snapshots.Select(s => new[]
        {
            s.Name,
            s.ResourceType,
            s.State,
            s.HealthStatus?.ToString() ?? "-",
            Details(s),
        }).ToArray();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        return [Row(header, widths), .. rows.Select(r => Row(r, widths))];
    }

    private static string Details(ResourceSnapshot snapshot) =>
        snapshot.State is KnownResourceStates.Missing or KnownResourceStates.FailedToStart or KnownResourceStates.Exited
            ? snapshot.Message ?? string.Empty
            : string.Join(' ', snapshot.Urls);

    private static string Row(string[] cells, int[] widths)
    {
        var line = new StringBuilder("  ");
        for (var i = 0; i < widths.Length; i++)
        {
            line.Append(cells[i].PadRight(widths[i] + 2));
        }

        return line.Append(FirstLine(cells[^1])).ToString().TrimEnd();
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
