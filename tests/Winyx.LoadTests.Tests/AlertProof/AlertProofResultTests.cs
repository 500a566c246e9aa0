using Winyx.LoadTests.AlertProof;
using Winyx.LoadTests.AlertProof.Cases;
using Winyx.LoadTests.AlertProof.Faults;

namespace Winyx.LoadTests.Tests.AlertProof;

public sealed class AlertProofResultTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Fault NoFault = new("nothing", (_, _) => Task.FromResult(Removal.Of(() => Task.CompletedTask)));

    [Fact]
    public void AnOutcomeIsProvenOnlyWhenItFiredReachedExactlyTheNamedReceiversAndResolved()
    {
        Assert.True(Outcome("MySQLDown", ["critical", "database-team"], ["critical", "database-team"]).Proven);
        Assert.Contains("notified critical, the routing tree names critical, database-team", Outcome("MySQLDown", ["critical", "database-team"], ["critical"]).Problems);
        Assert.Contains("no resolved notification after the fault was removed", (Outcome("X", ["default"], ["default"]) with { ResolvedSeconds = null }).Problems);
        Assert.Contains(
            "resolved 2.5 s before the fault was removed, while it still ran (the fault stopped holding the condition), and not notified again after",
            (Outcome("X", ["default"], ["default"]) with { ResolvedSeconds = null, ResolvedBeforeRemovalSeconds = 2.5 }).Problems);
        Assert.True((Outcome("X", ["default"], ["default"]) with { ResolvedBeforeRemovalSeconds = 2.5 }).Proven);
        Assert.Contains("never fired in Prometheus", (Outcome("X", ["default"], ["default"]) with { FiringSeconds = null }).Problems);
        Assert.Contains("notified without a summary annotation", (Outcome("X", ["default"], ["default"]) with { Annotations = new Dictionary<string, string>() }).Problems);
    }

    [Fact]
    public void EntriesFoldTiersPerAlertPutTheCatalogFirstAndNeverHideAFailure()
    {
        var memory = new ThresholdOverride("HighMemoryUsage", "warning", 0.3, "0.85", "shared box");
        ProofCase[] cases =
        [
            new("db", NoFault, [new("HighDatabaseConnections", "warning")]),
            new("db-critical", NoFault, [new("HighDatabaseConnections", "critical")]),
            new("memory", NoFault, [new("HighMemoryUsage", "warning") { Override = memory }]),
            new("brute", NoFault, [new("UserLoginFailureSpike", "warning")]),
            new("api", NoFault, [new("APIServiceDown", "critical")]),
        ];
        CaseResult[] results =
        [
            Case("db", Outcome("HighDatabaseConnections", ["database-team"], ["database-team"])),
            Case("db-critical", Outcome("HighDatabaseConnections", ["critical", "database-team"], ["critical", "database-team"]) with { Severity = "critical" }),
            Case("memory", Outcome("HighMemoryUsage", ["default"], ["default"])),
            Case("brute", Outcome("UserLoginFailureSpike", ["business-team"], ["business-team"])),
            Case("api", Outcome("APIServiceDown", ["critical"], []) with { NotificationSeconds = null }),
        ];

        var entries = AlertProofEntries.From(cases, results);

        Assert.Equal(["HighMemoryUsage", "HighDatabaseConnections", "APIServiceDown", "ApiErrorBudgetBurnSlow", "UserLoginFailureSpike"], entries.Select(e => e.Name));
        var db = entries.Single(e => e.Name == "HighDatabaseConnections");
        Assert.Equal(ProofStatus.Proven, db.Status);
        Assert.Equal(["warning", "critical"], db.Tiers.Select(t => t.Severity));
        Assert.Equal(ProofStatus.ProvenOverride, entries.Single(e => e.Name == "HighMemoryUsage").Status);
        Assert.Contains("threshold 0.3 instead of 0.85", entries.Single(e => e.Name == "HighMemoryUsage").Override, StringComparison.Ordinal);
        Assert.Equal(ProofStatus.Failed, entries.Single(e => e.Name == "APIServiceDown").Status);
        Assert.Equal(ProofStatus.PromtoolOnly, entries.Single(e => e.Name == "ApiErrorBudgetBurnSlow").Status);
        Assert.False(entries.Single(e => e.Name == "UserLoginFailureSpike").Catalog);
    }

    [Fact]
    public void PrecisionCountsUnexpectedAlertsAndRecallCountsMissedOnes()
    {
        CaseResult[] cases =
        [
            Case("a", Outcome("A", ["default"], ["default"])) with { Unexpected = ["HighCPUUsage{}"] },
            Case("b", Outcome("B", ["default"], ["default"]) with { NotificationSeconds = null }),
            Case("c", Outcome("C", ["default"], ["default"]) with { NotificationSeconds = 12 }),
        ];
        var run = new AlertProofRun(T0, T0.AddMinutes(10), 60, "test", 30, new HealthyLoad.Result(T0, T0.AddSeconds(60), 1200, 0, ["Noisy{}", "HighCPUUsage{severity=\"warning\"}"], ["HighCPUUsage{severity=\"warning\"}: the host measured 91 % busy"]), cases, []);

        Assert.Equal(2, run.TruePositives);
        Assert.Equal(["Noisy{}"], run.Healthy.FalsePositives);   // the corroborated CPU alert is true about the host
        Assert.Equal(2, run.FalsePositives);
        Assert.Equal(0.5, run.Precision);
        Assert.Equal(0.667, run.Recall);
        Assert.Equal([1.5, 3], run.DetectionRatios);
        Assert.Equal(3, run.WorstDetectionRatio);
        Assert.False(run.Passed);
    }

    [Fact]
    public void OnlyTheOverridesTheChosenCasesNeedReachTheAppHost()
    {
        var plan = new ProofPlan(
            new ThresholdOverride("HighMemoryUsage", "warning", 0.3, "0.85", "r"),
            new ThresholdOverride("HighDiskUsage", "warning", 0.5, "0.80", "r"),
            new ThresholdOverride("BackupTooOld", "warning", 30, "25 * 3600", "r"),
            new LoginStorm(HashesPerSecond: 20, Override: null));
        var cases = ProofCatalog.Cases(plan);

        Assert.Equal(["--alert-threshold", "HighMemoryUsage:warning=0.3", "--alert-threshold", "HighDiskUsage:warning=0.5", "--alert-threshold", "BackupTooOld:warning=30"], ProofPlan.AppHostArguments(cases));
        Assert.Empty(ProofPlan.AppHostArguments(cases.Where(c => c.Name == "api-down")));
    }

    [Fact]
    public void TheCatalogCoversEveryAlertOfDesignOnceByName()
    {
        var plan = ProofPlan.ForThisMachine(60);
        var expected = ProofCatalog.Cases(plan).SelectMany(c => c.Expected).Select(e => e.Name).Concat(ProofCatalog.PromtoolOnly.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.All(ProofCatalog.CatalogAlerts, name => Assert.Contains(name, expected));
        Assert.Equal(ProofCatalog.Cases(plan).Count, ProofCatalog.Cases(plan).Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(plan.Memory.Value, 0.15, 0.85);
        Assert.InRange(plan.Disk.Value, 0.02, 1.02);
    }

    private static AlertOutcome Outcome(string name, string[] expected, string[] notified) => new(
        name, "warning", 5, 6, 4, expected, notified, 3,
        new Dictionary<string, string> { ["alertname"] = name },
        new Dictionary<string, string> { ["summary"] = "s" });

    private static CaseResult Case(string name, AlertOutcome outcome) =>
        new(name, "fault", T0, T0.AddSeconds(10), T0.AddSeconds(20), [outcome], [], [], [], [], null);
}
