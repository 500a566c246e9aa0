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

    private static RuleFileDto Parse(string yaml) => Yaml.Parse<RuleFileDto>(yaml);
}
