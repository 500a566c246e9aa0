namespace Winyx.Alerts.Dashboards;

/// <summary>Substitutes Grafana's template and built-in variables in a query.</summary>
public static class GrafanaVariables
{
    /// <summary>
    /// Replaces <c>$name</c>, <c>${name}</c> and <c>[[name]]</c>: the dashboard's variables, and
    /// <c>$__interval</c> (the step), <c>$__range</c> (the window) and <c>$__rate_interval</c>
    /// (Grafana's rule: the larger of step + scrape interval and four scrape intervals).
    /// </summary>
    public static string Substitute(string expression, IReadOnlyDictionary<string, string> values, TimeWindow window, TimeSpan scrapeInterval)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(window);
        var all = new Dictionary<string, string>(values, StringComparer.Ordinal)
        {
            ["__interval"] = TimeWindow.PromQlDuration(window.Step),
            ["__range"] = TimeWindow.PromQlDuration(window.Length),
            ["__rate_interval"] = TimeWindow.PromQlDuration(Max(window.Step + scrapeInterval, 4 * scrapeInterval)),
        };

        // Longest names first, so $__rate_interval is not read as $__range followed by "te_interval".
        foreach (var (name, value) in all.OrderByDescending(pair => pair.Key.Length))
        {
            expression = expression.Replace("${" + name + "}", value, StringComparison.Ordinal)
                .Replace("[[" + name + "]]", value, StringComparison.Ordinal)
                .Replace("$" + name, value, StringComparison.Ordinal);
        }

        return expression;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
