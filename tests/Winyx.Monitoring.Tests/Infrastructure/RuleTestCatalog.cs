namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>The alert expectations of the promtool unit tests (<c>monitoring/prometheus/tests/*.yml</c>).</summary>
internal static class RuleTestCatalog
{
    private static readonly Lazy<IReadOnlyList<AlertExpectation>> Entries = new(Load);

    /// <summary>Every <c>alert_rule_test</c> entry.</summary>
    public static IReadOnlyList<AlertExpectation> Expectations => Entries.Value;

    private static List<AlertExpectation> Load()
    {
        var expectations = new List<AlertExpectation>();
        foreach (var file in MonitoringLayout.RuleTestFiles)
        {
            foreach (var test in Yaml.Read<RuleTestFileDto>(file).Tests)
            {
                expectations.AddRange(test.AlertRuleTest.Select(check => new AlertExpectation(Path.GetFileName(file), test.Name, check)));
            }
        }

        return expectations;
    }
}
