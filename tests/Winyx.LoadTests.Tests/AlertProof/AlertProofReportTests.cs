using System.Text.Json;
using Winyx.LoadTests.AlertProof;
using Winyx.LoadTests.AlertProof.Observation;
using Winyx.LoadTests.AlertProof.Reporting;

namespace Winyx.LoadTests.Tests.AlertProof;

public sealed class AlertProofReportTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"alert-proof-report-{Guid.NewGuid():N}");

    [Fact]
    public void ReportsHoldOneEntryPerAlertTheTimelineAndTheTables()
    {
        var outcome = new AlertOutcome("MySQLDown", "critical", 3.5, 4.3, 5, ["critical", "database-team"], ["critical", "database-team"], 1.9,
            new Dictionary<string, string> { ["alertname"] = "MySQLDown", ["severity"] = "critical", ["component"] = "database" },
            new Dictionary<string, string> { ["summary"] = "MariaDB is down" });
        var mysqlDown = new CaseResult("mysql-down", "mysql stopped", T0.AddSeconds(70), T0.AddSeconds(80), T0.AddSeconds(85), [outcome], ["MySQLDown{severity=\"critical\"}"], [], [], [], null);
        var entry = new AlertProofEntry("MySQLDown", "proven", true, "critical", "mysql-down", "mysql stopped", 4.3, 3.5, 5, outcome.NotifiedReceivers, outcome.ExpectedReceivers, 1.9, null, null, [outcome]);
        var run = new AlertProofRun(T0, T0.AddSeconds(90), 60, "test box", 40, new HealthyLoad.Result(T0, T0.AddSeconds(60), 1200, 0, [], []), [mysqlDown], [entry]);
        AlertSpan[] spans = [new("MySQLDown{severity=\"critical\"}", "MySQLDown", "critical", T0.AddSeconds(71)) { FiringAt = T0.AddSeconds(73.5), EndedAt = T0.AddSeconds(82) }];

        AlertProofReports.Write(_directory, run, spans, []);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "alert-proof.json")));
        var only = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("MySQLDown", only.GetProperty("name").GetString());
        Assert.Equal(4.3, only.GetProperty("detectionSeconds").GetDouble());
        Assert.Equal(["critical", "database-team"], only.GetProperty("notifiedReceivers").EnumerateArray().Select(r => r.GetString()));
        var html = File.ReadAllText(Path.Combine(_directory, "report.html"));
        Assert.Contains("MySQLDown/critical</text>", html, StringComparison.Ordinal);
        Assert.Contains(">mysql-down</text>", html, StringComparison.Ordinal);
        Assert.Contains("MySQLDown{severity=&quot;critical&quot;} firing 8.5 s", html, StringComparison.Ordinal);
        Assert.Contains("| MySQLDown | yes | proven | critical | mysql stopped | 4.3 | 5.0 | 0.86 | critical, database-team | 1.9 |", File.ReadAllText(Path.Combine(_directory, "report.md")), StringComparison.Ordinal);
        using var runJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "alert-proof-run.json")));
        Assert.Equal(1.0, runJson.RootElement.GetProperty("precision").GetDouble());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
