using Winyx.Testing;

namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>Where the monitoring-as-code files live in the checkout.</summary>
internal static class MonitoringLayout
{
    public static string Root => Path.Combine(RepoLayout.Root, "monitoring");

    public static string RulesDirectory => Path.Combine(Root, "prometheus", "rules");

    public static string RuleTestsDirectory => Path.Combine(Root, "prometheus", "tests");

    public static string AlertmanagerTemplate => Path.Combine(Root, "alertmanager", "alertmanager.yml");

    public static string AlertmanagerTemplatesDirectory => Path.Combine(Root, "alertmanager", "templates");

    public static string RouteCases => Path.Combine(Root, "alertmanager", "tests", "routes.yml");

    public static string GrafanaDirectory => Path.Combine(Root, "grafana");

    public static string SyntheticMetricsDirectory => Path.Combine(RepoLayout.Root, "tests", "Winyx.Monitoring.Tests", "Live", "SyntheticMetrics");

    public static IReadOnlyList<string> RuleFiles => Sorted(RulesDirectory, "*.yml");

    public static IReadOnlyList<string> RuleTestFiles => Sorted(RuleTestsDirectory, "*.yml");


    private static string[] Sorted(string directory, string pattern)
    {
        var files = Directory.GetFiles(directory, pattern);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
