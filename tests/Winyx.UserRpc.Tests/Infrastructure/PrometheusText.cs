using System.Globalization;

namespace Winyx.UserRpc.Tests.Infrastructure;

/// <summary>A Prometheus text exposition, queried by metric name and a subset of labels.</summary>
/// <param name="Text">The scraped text.</param>
public sealed record PrometheusText(string Text)
{
    /// <summary>
    /// The sum of every sample of <paramref name="metric"/> whose labels include all of
    /// <paramref name="labels"/> (other labels, such as the OTel scope, are ignored); 0 when none.
    /// </summary>
    public double Value(string metric, params (string Name, string Value)[] labels)
    {
        var total = 0.0;
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue; // a longer name sharing the prefix
            }

            var labelEnd = rest[0] == '{' ? rest.IndexOf('}', StringComparison.Ordinal) : -1;
            var labelText = labelEnd > 0 ? rest[..(labelEnd + 1)] : "";
            if (labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                var valueText = rest[(labelEnd + 1)..].Trim().Split(' ')[0];
                total += double.Parse(valueText, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    /// <summary>True when any sample line of <paramref name="metric"/> exists.</summary>
    public bool Has(string metric) =>
        Text.Split('\n').Any(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal));
}
