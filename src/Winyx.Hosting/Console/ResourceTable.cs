using System.Text;

namespace Winyx.Hosting.Console;

/// <summary>Formats the resource table as fixed-width text.</summary>
internal static class ResourceTable
{
    public static string Format(IReadOnlyList<ResourceRow> rows)
    {
        string[] headers = ["RESOURCE", "STATE", "HEALTH", "URLS"];
        var widths = new[]
        {
            Math.Max(headers[0].Length, rows.Select(r => r.Name.Length).DefaultIfEmpty(0).Max()),
            Math.Max(headers[1].Length, rows.Select(r => r.State.Length).DefaultIfEmpty(0).Max()),
            Math.Max(headers[2].Length, rows.Select(r => r.Health.Length).DefaultIfEmpty(0).Max()),
        };
        var text = new StringBuilder();
        void Line(string a, string b, string c, string d) =>
            text.Append(a.PadRight(widths[0] + 2)).Append(b.PadRight(widths[1] + 2)).Append(c.PadRight(widths[2] + 2)).Append(d.TrimEnd()).Append('\n');
        Line(headers[0], headers[1], headers[2], headers[3]);
        foreach (var row in rows)
        {
            Line(row.Name, row.State, row.Health, row.Urls);
        }

        return text.ToString();
    }
}
