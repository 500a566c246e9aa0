using System.Globalization;

namespace Winyx.Web.Tests.Infrastructure;

/// <summary>Reads one sample out of a Prometheus text exposition.</summary>
public static class PrometheusText
{
    /// <summary>
    /// The value of the first <paramref name="metric"/> sample whose labels contain
    /// <paramref name="label"/> (e.g. <c>page="/register"</c>); 0 when there is none yet.
    /// </summary>
    public static double Value(string exposition, string metric, string label)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
