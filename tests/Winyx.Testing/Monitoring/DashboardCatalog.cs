using System.Text.Json;

namespace Winyx.Testing.Monitoring;

/// <summary>
/// The panels and queries of <c>monitoring/grafana/dashboards/*.json</c>, shared by the monitoring tests
/// (against a synthetic exporter) and the fleet tests (against the real services).
/// </summary>
public static class DashboardCatalog
{
    /// <summary>Values for Grafana's template and built-in variables when a query runs outside Grafana.</summary>
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["service"] = "api",
        ["__rate_interval"] = "1m",
        ["__interval"] = "15s",
        ["__range"] = "1h",
    };

    /// <summary><c>monitoring/grafana/dashboards</c> in this checkout.</summary>
    public static string Directory => Path.Combine(RepoLayout.Root, "monitoring", "grafana", "dashboards");

    /// <summary>Every dashboard file, parsed, in file-name order.</summary>
    public static IReadOnlyList<(string File, JsonElement Dashboard)> Dashboards =>
        [.. System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal).Select(file => (Path.GetFileName(file), JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone()))];

    /// <summary>Every panel, rows' nested panels included.</summary>
    public static IReadOnlyList<DashboardPanel> Panels =>
        [.. Dashboards.SelectMany(dashboard => Flatten(dashboard.Dashboard.GetProperty("panels")).Select(panel => new DashboardPanel(dashboard.File, panel)))];

    /// <summary>Every query of every panel, with variables substituted.</summary>
    public static IReadOnlyList<PanelQuery> Queries =>
        [.. Panels.SelectMany(panel => panel.Expressions.Select(expression => new PanelQuery(panel.File, panel.Title, expression, Substitute(expression))))];

    /// <summary>Replaces <c>$name</c>, <c>${name}</c> and <c>[[name]]</c> by the test values.</summary>
    public static string Substitute(string expression)
    {
        // Longest names first, so $__rate_interval is not read as $__range + "te_interval".
        foreach (var (name, value) in Variables.OrderByDescending(pair => pair.Key.Length))
        {
            expression = expression.Replace("${" + name + "}", value, StringComparison.Ordinal)
                .Replace("[[" + name + "]]", value, StringComparison.Ordinal)
                .Replace("$" + name, value, StringComparison.Ordinal);
        }

        return expression;
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var child in Flatten(nested))
                {
                    yield return child;
                }
            }
        }
    }
}
