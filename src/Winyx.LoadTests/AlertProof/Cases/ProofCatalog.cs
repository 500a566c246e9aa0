using Winyx.LoadTests.AlertProof.Faults;

namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>
/// Every alert of the catalog and the fault that proves it. Cases run in this order: outages first,
/// then application faults (the error cases together, since their error budget burn lingers), data
/// stores, the host, backups.
/// </summary>
public static class ProofCatalog
{
    /// <summary>The 18 alerts DESIGN.md's catalog names; the others are Winyx's additions.</summary>
    public static readonly string[] CatalogAlerts =
    [
        "HighCPUUsage", "HighMemoryUsage", "HighDiskUsage", "HighErrorRate", "HighResponseTime", "RpcHighLatency",
        "FrontendSlowResponse", "Http5xxBurst", "HighErrorLogRate", "HighDatabaseConnections", "RedisHighMemory",
        "APIServiceDown", "UserRpcDown", "WebDown", "MySQLDown", "RedisDown", "BackupTooOld", "BackupTooSmall",
    ];

    /// <summary>Alerts not provoked end to end, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> PromtoolOnly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ApiErrorBudgetBurnSlow"] = "its 6-hour window is still 6 minutes at ×60; provoking it and letting it drain would double the proof's time. promtool's tests (monitoring/prometheus/tests/slo.yml) prove its expression and `for:`; the error cases here show the fast-burn twin.",
    };

    private static readonly string[] ErrorConsequences = ["HighErrorRate", "Http5xxBurst", "HighErrorLogRate", "ApiErrorBudgetBurnFast", "ApiErrorBudgetBurnSlow"];

    /// <summary>The cases, in the order they run.</summary>
    public static IReadOnlyList<ProofCase> Cases(ProofPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. Availability(), .. Application(plan), .. DataStores(), .. Host(plan), .. Backups(plan)];
    }

    private static IEnumerable<ProofCase> Availability()
    {
        yield return Down("api", "APIServiceDown", "critical");
        yield return Down("userrpc", "UserRpcDown", "critical");
        yield return Down("web", "WebDown", "critical");
        // No database, no backup: the job's next attempt fails, and under the run's 30 s age threshold that shows.
        yield return Down("mysql", "MySQLDown", "critical") with { WhileFiring = SeedDefects.MySqlDownSeedRuleStaysSilentAsync, Consequences = ["BackupTooOld"] };
        yield return Down("redis", "RedisDown", "critical");
        yield return Down("mysql-exporter", "MySQLExporterDown", "warning");
        yield return Down("redis-exporter", "RedisExporterDown", "warning");
        yield return Down("node-exporter", "NodeExporterDown", "warning");
    }

    private static IEnumerable<ProofCase> Application(ProofPlan plan)
    {
        yield return new ProofCase(
            "slow-api",
            ChaosFaults.Latency("api", TimeSpan.FromMilliseconds(700), "/api/users/{id}").And(LoadFaults.Steady("GET /api/users/{id}", 5, (c, _) => ProofRequests.GetUser(c))),
            [new("HighResponseTime", "warning")]);
        yield return new ProofCase(
            "slow-rpc",
            ChaosFaults.Latency("userrpc", TimeSpan.FromMilliseconds(700), "ListUsers").And(LoadFaults.Steady("GET /api/users?page=1", 5, (c, _) => ProofRequests.ListUsers(c))),
            [new("RpcHighLatency", "warning")]) { Consequences = ["HighResponseTime"] };
        yield return new ProofCase(
            "slow-frontend",
            ChaosFaults.Latency("web", TimeSpan.FromMilliseconds(3500), "/").And(LoadFaults.Steady("GET / (web)", 2, (c, _) => ProofRequests.WebHome(c))),
            [new("FrontendSlowResponse", "warning")]) { Consequences = ["HighResponseTime"] };
        yield return new ProofCase(
            "login-brute-force",
            LoadFaults.FromManyAddresses("wrong-password logins", LoginStorm.InFlight, 40, ProofRequests.WrongLogin),
            // Every attempt runs PBKDF2 (unknown addresses too, against timing attacks): a storm slows every login.
            [new("UserLoginFailureSpike", "warning") { Override = plan.Logins.Override }]) { Consequences = ["HighCPUUsage", "HighResponseTime", "RpcHighLatency"] };
        yield return new ProofCase(
            "api-errors",
            ChaosFaults.Errors("api", 0.1, "/api/users/{id}").And(LoadFaults.Steady("GET /api/users/{id}", 20, (c, _) => ProofRequests.GetUser(c))),
            [new("HighErrorRate", "critical"), new("ApiErrorBudgetBurnFast", "critical")]) { Consequences = ErrorConsequences };
        yield return new ProofCase(
            "fleet-5xx-burst",
            ChaosFaults.Errors("api", 1, "/api/users/{id}").And(ChaosFaults.Errors("web", 1, "/"))
                .And(LoadFaults.Steady("GET /api/users/{id}", 2, (c, _) => ProofRequests.GetUser(c)))
                .And(LoadFaults.Steady("GET / (web)", 2, (c, _) => ProofRequests.WebHome(c))),
            [new("Http5xxBurst", "warning")]) { Consequences = ErrorConsequences, WhileFiring = SeedDefects.BurstCountsTheWholeFleetAsync };
        yield return new ProofCase(
            "rpc-error-logs",
            ChaosFaults.Errors("userrpc", 1, "ListUsers").And(LoadFaults.Steady("GET /api/users?page=1", 10, (c, _) => ProofRequests.ListUsers(c))),
            [new("HighErrorLogRate", "critical")]) { Consequences = ErrorConsequences };
        yield return new ProofCase(
            "registrations-failing",
            ChaosFaults.Errors("userrpc", 1, "Register").And(LoadFaults.Steady("POST /api/users/register", 2, ProofRequests.Register)),
            [new("BusinessRegistrationsFailing", "warning")]) { Consequences = ErrorConsequences };
    }

    private static IEnumerable<ProofCase> DataStores()
    {
        yield return new ProofCase(
            "db-connections",
            DataStoreFaults.HoldDatabaseConnections("105 threads: over seed 000's 100, under seed 002's 80 % of 151", _ => 105),
            [new("HighDatabaseConnections", "warning")]);
        yield return new ProofCase(
            "db-connections-critical",
            DataStoreFaults.HoldDatabaseConnections("95 % of max_connections and one more", max => (long)Math.Ceiling(max * 0.95) + 1),
            [new("HighDatabaseConnections", "critical")]) { WhileFiring = Inhibition.WarningTwinIsSilencedAsync };
        yield return new ProofCase("redis-memory", DataStoreFaults.FillRedis(0.86), [new("RedisHighMemory", "warning")]);
        yield return new ProofCase("redis-maxmemory-unset", DataStoreFaults.UnsetRedisMaxMemory(), [new("RedisMaxMemoryNotSet", "warning")]);
    }

    private static IEnumerable<ProofCase> Host(ProofPlan plan)
    {
        yield return new ProofCase(
            "cpu-saturation",
            LoadFaults.Saturate("GET /api/users/{id}", 16, (c, _) => ProofRequests.GetUser(c)),
            [new("HighCPUUsage", ExpectedAlert.AnySeverity)]) { Consequences = ["HighResponseTime", "RpcHighLatency", "FrontendSlowResponse"] };
        yield return new ProofCase("memory-pressure", HostFaults.TakeMemory(plan.Memory.Value), [new("HighMemoryUsage", "warning") { Override = plan.Memory }]);
        yield return new ProofCase("disk-full", HostFaults.FillDisk(plan.Disk.Value), [new("HighDiskUsage", "warning") { Override = plan.Disk }]);
    }

    private static IEnumerable<ProofCase> Backups(ProofPlan plan)
    {
        yield return new ProofCase(
            "backup-stalled",
            BackupFaults.Stall(),
            [new("BackupTooOld", "warning") { Override = plan.BackupAge, InherentDelay = ProofPlan.BackupAgeThreshold }]);
        yield return new ProofCase("backup-truncated", BackupFaults.Truncate(64), [new("BackupTooSmall", "warning")]);
    }

    private static ProofCase Down(string resource, string alert, string severity) =>
        new($"{resource}-down", ResourceFaults.Stop(resource), [new(alert, severity)]);
}
