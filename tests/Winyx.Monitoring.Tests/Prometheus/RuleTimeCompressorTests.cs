using Winyx.Hosting.Monitoring;
using Winyx.Monitoring.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Monitoring.Tests.Prometheus;

public sealed class RuleTimeCompressorTests
{
    private const string Rules = """
        groups:
          - name: example
            interval: 30s
            rules:
              - record: job:requests:rate5m
                expr: sum by (job) (rate(requests_total{path=~"/api/[a-z]+"}[5m]))
              - alert: Slow
                expr: |
                  max_over_time(job:latency:p95[1h:5m]) > 0.5
                  and on (job) requests_total offset 10m > 0
                for: 10m
                keep_firing_for: 20m
                labels:
                  severity: warning
                  window: "[5m]"
                annotations:
                  summary: Slow for 10m
        """;

    [Fact]
    public void DividesForKeepFiringForIntervalAndEveryRangeInTheExpression()
    {
        var compressed = Parse(RuleTimeCompressor.Compress(Rules, new MonitoringTimeScale(10)));

        var group = compressed.Groups.Single();
        Assert.Equal("3s", group.Interval);
        Assert.Equal("sum by (job) (rate(requests_total{path=~\"/api/[a-z]+\"}[30s]))", group.Rules[0].Expr);
        var alert = group.Rules[1];
        Assert.Equal("max_over_time(job:latency:p95[6m:30s]) > 0.5\nand on (job) requests_total offset 1m > 0\n", alert.Expr);
        Assert.Equal("1m", alert.For);
        Assert.Equal("2m", alert.KeepFiringFor);
    }

    [Fact]
    public void KeepsNamesLabelsAndAnnotationsAsTheyAre()
    {
        var original = Parse(Rules).Groups.Single().Rules[1];

        var alert = Parse(RuleTimeCompressor.Compress(Rules, new MonitoringTimeScale(60))).Groups.Single().Rules[1];

        Assert.Equal(original.Alert, alert.Alert);
        Assert.Equal(original.Labels, alert.Labels);
        Assert.Equal(original.Annotations, alert.Annotations);
    }

    [Fact]
    public void FloorsDurationsAtTwoCompressedScrapeIntervals()
    {
        var alert = Parse(RuleTimeCompressor.Compress(Rules, new MonitoringTimeScale(600))).Groups.Single().Rules[1];

        // Scrape 15s / 600 -> 1s minimum, floor 2s: 10m / 600 = 1s becomes 2s; 1h / 600 = 6s stays.
        Assert.Equal("2s", alert.For);
        Assert.Equal("max_over_time(job:latency:p95[6s:2s]) > 0.5\nand on (job) requests_total offset 2s > 0\n", alert.Expr);
    }

    [Fact]
    public void FactorOneKeepsEveryRuleOfTheRepositoryIdentical()
    {
        foreach (var file in MonitoringLayout.RuleFiles)
        {
            var original = Yaml.Read<RuleFileDto>(file);

            var rendered = Parse(RuleTimeCompressor.Compress(File.ReadAllText(file), MonitoringTimeScale.Production, Path.GetFileName(file)));

            var pairs = original.Groups.SelectMany(g => g.Rules).Zip(rendered.Groups.SelectMany(g => g.Rules));
            foreach (var (before, after) in pairs)
            {
                Assert.Equal(before.Expr, after.Expr);
                Assert.Equal(before.For, after.For);
                Assert.Equal(before.Labels, after.Labels);
                Assert.Equal(before.Annotations, after.Annotations);
            }
        }
    }

    [Fact]
    public void NamesTheRuleWhenADurationCannotBeRead()
    {
        const string Broken = "groups:\n  - name: g\n    rules:\n      - alert: Broken\n        expr: up == 0\n        for: five minutes\n";

        var error = Assert.Throws<InvalidDataException>(() => RuleTimeCompressor.Compress(Broken, new MonitoringTimeScale(10), "broken.yml"));

        Assert.Contains("broken.yml, group g, rule Broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAFileThatIsNotARuleFile()
    {
        Assert.Throws<InvalidDataException>(() => RuleTimeCompressor.Compress("route:\n  receiver: x\n", new MonitoringTimeScale(10)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(60)]
    public async Task PromtoolAcceptsEveryCompressedRuleFile(double factor)
    {
        var directory = TestDirectories.Create("rules");
        try
        {
            var files = RuleTimeCompressor.CompressFiles(MonitoringLayout.RuleFiles, directory, new MonitoringTimeScale(factor));

            var result = await Tool.RunAsync("promtool", ["check", "rules", .. files]);

            Assert.Equal(MonitoringLayout.RuleFiles.Count, files.Count);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    private const string TieredRules = """
        groups:
          - name: tiers
            rules:
              - record: instance:memory:ratio
                expr: 1 - free / total > 0.5
              - alert: HighMemoryUsage
                expr: instance:memory:ratio > 0.85
                for: 5m
                labels:
                  severity: warning
                annotations:
                  summary: High memory
              - alert: HighMemoryUsage
                expr: instance:memory:ratio > 0.95
                for: 5m
                labels:
                  severity: critical
              - alert: HighDiskUsage
                expr: instance:disk:ratio > 0.80
                labels:
                  severity: warning
        """;

    [Fact]
    public void AThresholdOverrideReplacesOnlyTheRuleOfThatAlertAndSeverityAndSaysSo()
    {
        var original = Parse(TieredRules).Groups.Single().Rules;

        var rules = Parse(RuleTimeCompressor.Compress(TieredRules, new MonitoringTimeScale(10), "tiers.yml", [Override("HighMemoryUsage:warning=0.31")])).Groups.Single().Rules;

        Assert.Equal("instance:memory:ratio > 0.31", rules[1].Expr);
        Assert.Equal("0.31 (was 0.85)", rules[1].Annotations[RuleTimeCompressor.ThresholdOverrideAnnotation]);
        Assert.Equal("High memory", rules[1].Annotations["summary"]);
        Assert.Equal("30s", rules[1].For);
        foreach (var index in new[] { 0, 2, 3 })
        {
            Assert.Equal(original[index].Expr, rules[index].Expr);
            Assert.Equal(original[index].Annotations, rules[index].Annotations);
        }
    }

    [Fact]
    public void AThresholdOverrideWithoutSeverityAppliesToEveryRuleOfTheAlertAndAddsAnnotationsWhereNone()
    {
        var rules = Parse(RuleTimeCompressor.Compress(TieredRules, MonitoringTimeScale.Production, "tiers.yml", [Override("HighMemoryUsage=0.2")])).Groups.Single().Rules;

        Assert.Equal("instance:memory:ratio > 0.2", rules[1].Expr);
        Assert.Equal("instance:memory:ratio > 0.2", rules[2].Expr);
        Assert.Equal("0.2 (was 0.95)", Assert.Single(rules[2].Annotations).Value);
        Assert.Equal("instance:disk:ratio > 0.80", rules[3].Expr);
    }

    [Fact]
    public void ASeverityOverrideWinsOverTheSeverityLessOneForItsRule()
    {
        var rules = Parse(RuleTimeCompressor.Compress(TieredRules, MonitoringTimeScale.Production, "tiers.yml", [Override("HighMemoryUsage=0.2"), Override("HighMemoryUsage:critical=0.4")])).Groups.Single().Rules;

        Assert.Equal("instance:memory:ratio > 0.2", rules[1].Expr);
        Assert.Equal("instance:memory:ratio > 0.4", rules[2].Expr);
    }

    [Theory]
    [InlineData("HighMemoryUsed=0.3", "HighMemoryUsed=0.3 matches no alerting rule")]
    [InlineData("HighMemoryUsage:info=0.3", "no rule 'alert: HighMemoryUsage' with severity 'info'")]
    [InlineData("HighCPUUsage=0.3", "HighCPUUsage=0.3 matches no alerting rule in tiers.yml")]
    public void AThresholdOverrideThatMatchesNoRuleFailsNamingIt(string text, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => RuleTimeCompressor.Compress(TieredRules, MonitoringTimeScale.Production, "tiers.yml", [Override(text)]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AThresholdOverrideOfARuleWithoutANumericComparisonFailsNamingTheRuleAndWhy()
    {
        const string Guarded = "groups:\n  - name: g\n    rules:\n      - alert: Slow\n        expr: p95 > 0.5 and on (job) rate5m >= 0.1\n        labels:\n          severity: warning\n";

        var error = Assert.Throws<InvalidDataException>(() => RuleTimeCompressor.Compress(Guarded, MonitoringTimeScale.Production, "slow.yml", [Override("Slow=1")]));

        Assert.Contains("Threshold override Slow=1 cannot apply to slow.yml, group g, rule Slow (warning)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'and'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoOverridesOfTheSameAlertAndSeverityAreRejected()
    {
        Assert.Throws<ArgumentException>(() => RuleTimeCompressor.Compress(TieredRules, MonitoringTimeScale.Production, "tiers.yml", [Override("HighDiskUsage=0.2"), Override("HighDiskUsage:*=0.3")]));
    }

    [Fact]
    public async Task TheProofsOverridesApplyToTheRepositoryRulesAndPromtoolAcceptsThem()
    {
        var directory = TestDirectories.Create("rules");
        try
        {
            AlertThresholdOverride[] overrides = [Override("HighMemoryUsage:warning=0.31"), Override("HighDiskUsage:warning=0.05"), Override("BackupTooOld:warning=30")];
            var plain = RuleTimeCompressor.CompressFiles(MonitoringLayout.RuleFiles, Path.Combine(directory, "plain"), new MonitoringTimeScale(60));

            var files = RuleTimeCompressor.CompressFiles(MonitoringLayout.RuleFiles, Path.Combine(directory, "overridden"), new MonitoringTimeScale(60), overrides);

            var rules = files.SelectMany(f => Yaml.Read<RuleFileDto>(f).Groups.SelectMany(g => g.Rules)).ToList();
            var before = plain.SelectMany(f => Yaml.Read<RuleFileDto>(f).Groups.SelectMany(g => g.Rules)).ToList();
            RuleDto Rule(string alert, string severity) => rules.Single(r => r.Alert == alert && r.Labels["severity"] == severity);
            Assert.Equal("instance:node_memory_utilisation:ratio > 0.31", Rule("HighMemoryUsage", "warning").Expr);
            Assert.Equal("0.31 (was 0.85)", Rule("HighMemoryUsage", "warning").Annotations[RuleTimeCompressor.ThresholdOverrideAnnotation]);
            Assert.Equal("instance_mountpoint:node_filesystem_utilisation:ratio > 0.05", Rule("HighDiskUsage", "warning").Expr);
            Assert.Equal("0.05 (was 0.80)", Rule("HighDiskUsage", "warning").Annotations[RuleTimeCompressor.ThresholdOverrideAnnotation]);
            Assert.Equal("time() - backup_last_success_timestamp_seconds > 30", Rule("BackupTooOld", "warning").Expr);
            Assert.Equal("30 (was 25 * 3600)", Rule("BackupTooOld", "warning").Annotations[RuleTimeCompressor.ThresholdOverrideAnnotation]);
            Assert.Equal(before.Count, rules.Count);
            var untouched = rules.Zip(before).Where(p => !(p.First.Labels.GetValueOrDefault("severity") == "warning" && p.First.Alert is "HighMemoryUsage" or "HighDiskUsage" or "BackupTooOld")).ToList();
            Assert.Equal(before.Count - 3, untouched.Count);
            Assert.All(untouched, p => Assert.Equal(p.Second.Expr, p.First.Expr));
            Assert.All(untouched, p => Assert.False(p.First.Annotations.ContainsKey(RuleTimeCompressor.ThresholdOverrideAnnotation)));

            var result = await Tool.RunAsync("promtool", ["check", "rules", .. files]);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public void CompressFilesWritesNothingWhenAnOverrideMatchesNoRule()
    {
        var directory = Path.Combine(TestDirectories.Create("rules"), "out");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => RuleTimeCompressor.CompressFiles(MonitoringLayout.RuleFiles, directory, MonitoringTimeScale.Production, [Override("NoSuchAlert=1")]));

            Assert.Contains("NoSuchAlert=1 matches no alerting rule in the rule files", error.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(directory));
        }
        finally
        {
            TestDirectories.Delete(Path.GetDirectoryName(directory)!);
        }
    }

    private static AlertThresholdOverride Override(string text) => AlertThresholdOverride.Parse(text);

    private static RuleFileDto Parse(string yaml) => Yaml.Parse<RuleFileDto>(yaml);
}
