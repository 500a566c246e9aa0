using Winyx.Hosting.Monitoring;
using Winyx.Monitoring.Tests.Infrastructure;

namespace Winyx.Monitoring.Tests.Rules;

/// <summary>
/// The repository's rule files as promtool sees them (the real binary), and the conventions
/// every alert must follow, checked over all of them.
/// </summary>
public sealed class RuleFileTests
{
    private static readonly TimeSpan ProductionScrapeInterval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task PromtoolCheckRulesAcceptsEveryRuleFile()
    {
        var result = await Tool.RunAsync("promtool", ["check", "rules", .. MonitoringLayout.RuleFiles]);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task PromtoolUnitTestsPass()
    {
        // One promtool per file, side by side: promtool runs the files of one call one after another.
        var results = await Task.WhenAll(MonitoringLayout.RuleTestFiles.Select(file => Tool.RunAsync("promtool", ["test", "rules", file])));

        var failed = results.Where(result => result.ExitCode != 0).Select(result => result.Output).ToList();
        Assert.True(failed.Count == 0, string.Join("\n\n", failed));
    }

    [Fact]
    public void EveryAlertTierHasAUnitTestInWhichItFires()
    {
        var fired = RuleTestCatalog.Expectations
            .SelectMany(expectation => expectation.Check.ExpAlerts.Select(alert => (expectation.Check.Alertname, alert.ExpLabels.GetValueOrDefault("severity"))))
            .ToHashSet();

        var missing = RuleCatalog.AlertTiers.Where(tier => !fired.Contains(tier)).ToList();

        Assert.True(missing.Count == 0, $"Alerts never seen firing in monitoring/prometheus/tests: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryAlertHasAUnitTestInWhichItStaysQuiet()
    {
        var quiet = RuleTestCatalog.Expectations.Where(expectation => expectation.ExpectsQuiet).Select(expectation => expectation.Check.Alertname).ToHashSet();

        var missing = RuleCatalog.Alerts.Select(rule => rule.Name).Distinct().Where(name => !quiet.Contains(name)).ToList();

        Assert.True(missing.Count == 0, $"Alerts without a quiet case in monitoring/prometheus/tests: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryFiringAlertInTheUnitTestsCarriesSeverityComponentServiceAndBothAnnotations()
    {
        // Checked on the evaluated alerts, so a service label that comes from the data (by (service)) counts too.
        var incomplete = RuleTestCatalog.Expectations
            .SelectMany(expectation => expectation.Check.ExpAlerts.Select(alert => (expectation, alert)))
            .Where(pair => !new[] { "severity", "component", "service" }.All(pair.alert.ExpLabels.ContainsKey)
                || !new[] { "summary", "description" }.All(pair.alert.ExpAnnotations.ContainsKey))
            .Select(pair => $"{pair.expectation.File} '{pair.expectation.TestName}' {pair.expectation.Check.Alertname}")
            .ToList();

        Assert.True(incomplete.Count == 0, $"Alerts missing labels or annotations: {string.Join("; ", incomplete)}");
    }

    [Fact]
    public void EveryAlertIsWarningOrCriticalWithAComponentAndAnnotations()
    {
        var bad = RuleCatalog.Alerts
            .Where(rule => rule.Severity is not ("warning" or "critical")
                || string.IsNullOrWhiteSpace(rule.Rule.Labels.GetValueOrDefault("component"))
                || !rule.Rule.Annotations.ContainsKey("summary")
                || !rule.Rule.Annotations.ContainsKey("description"))
            .Select(rule => rule.ToString())
            .ToList();

        Assert.True(bad.Count == 0, $"Alerts without severity, component or annotations: {string.Join("; ", bad)}");
    }

    [Fact]
    public void NoRuleUsesIrate()
    {
        var irate = RuleCatalog.Rules.Where(rule => rule.Rule.Expr.Contains("irate(", StringComparison.Ordinal)).Select(rule => rule.ToString()).ToList();

        Assert.True(irate.Count == 0, $"irate() looks at the last two samples only and makes alerts flap: {string.Join("; ", irate)}");
    }

    [Fact]
    public void EveryRangeWindowSpansAtLeastFourProductionScrapes()
    {
        var tooShort = new List<string>();
        foreach (var rule in RuleCatalog.Rules)
        {
            PromQlDurationRewriter.Rewrite(rule.Rule.Expr, window =>
            {
                if (window < ProductionScrapeInterval * 4)
                {
                    tooShort.Add($"{rule} [{PrometheusDuration.Format(window)}]");
                }

                return window;
            });
        }

        Assert.True(tooShort.Count == 0, $"Windows shorter than 4 scrape intervals (60s): {string.Join("; ", tooShort)}");
    }
}
