using System.Globalization;

namespace Winyx.Api.Tests.Infrastructure;

/// <summary>A Prometheus text exposition, queried by metric name and a subset of labels.</summary>
/// <param name="Text">The scraped text.</param>
public sealed record PrometheusText(string Text)
{
    /// <summary>
    /// The sum of every sample of <paramref name="metric"/> whose labels include all of
    /// <paramref name="labels"/> (others, such as the OTel scope, are ignored); null when there is none.
    /// </summary>
    public double? Value(string metric, params (string Name, string Value)[] labels)
    {
        double? total = null;
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

            // The last brace closes the labels: values such as endpoint="/api/users/{id}" hold braces too.
            var labelEnd = rest[0] == '{' ? rest.LastIndexOf('}') : -1;
            var labelText = labelEnd > 0 ? rest[..(labelEnd + 1)] : string.Empty;
            if (labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                var valueText = rest[(labelEnd + 1)..].Trim().Split(' ')[0];
                total = (total ?? 0) + double.Parse(valueText, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
