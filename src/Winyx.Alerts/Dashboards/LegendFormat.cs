using System.Text.RegularExpressions;
using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Dashboards;

/// <summary>Names a series the way Grafana's <c>legendFormat</c> does.</summary>
public static partial class LegendFormat
{
    /// <summary>
    /// Fills <c>{{label}}</c> from <paramref name="labels"/>; an empty format or <c>__auto</c> names the
    /// series by its labels, and a label-less series by <paramref name="expression"/>.
    /// </summary>
    public static string Apply(string? format, IReadOnlyDictionary<string, string> labels, string expression)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (string.IsNullOrWhiteSpace(format) || format == "__auto")
        {
            var shown = labels.Where(label => label.Key != "__name__").ToDictionary(label => label.Key, label => label.Value, StringComparer.Ordinal);
            return shown.Count == 0 ? expression : LabelSetKey.Of(shown);
        }

        return Placeholder().Replace(format, match => labels.GetValueOrDefault(match.Groups["name"].Value) ?? string.Empty).Trim();
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
