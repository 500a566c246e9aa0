namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>The rules of <c>monitoring/prometheus/rules/*.yml</c>, read once.</summary>
internal static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<RuleEntry>> Entries = new(Load);

    /// <summary>Every rule (recording and alerting) with its file and group.</summary>
    public static IReadOnlyList<RuleEntry> Rules => Entries.Value;

    /// <summary>Every alerting rule.</summary>
    public static IReadOnlyList<RuleEntry> Alerts => [.. Rules.Where(rule => rule.Rule.Alert is not null)];

    /// <summary>The distinct alert tiers: (alert name, severity).</summary>
    public static IReadOnlyList<(string Alert, string Severity)> AlertTiers =>
        [.. Alerts.Select(rule => (rule.Rule.Alert!, rule.Severity)).Distinct()];

    /// <summary>Every group name, in file order.</summary>
    public static IReadOnlyList<string> GroupNames => [.. Rules.Select(rule => rule.Group).Distinct()];

    private static List<RuleEntry> Load()
    {
        var entries = new List<RuleEntry>();
        foreach (var file in MonitoringLayout.RuleFiles)
        {
            foreach (var group in Yaml.Read<RuleFileDto>(file).Groups)
            {
                entries.AddRange(group.Rules.Select(rule => new RuleEntry(Path.GetFileName(file), group.Name, rule)));
            }
        }

        return entries;
    }
}
