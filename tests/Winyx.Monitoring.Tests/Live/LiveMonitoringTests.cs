using System.Text.Json;
using Winyx.Monitoring.Tests.Infrastructure;
using Winyx.Testing.Monitoring;
using Winyx.Testing;

namespace Winyx.Monitoring.Tests.Live;

/// <summary>
/// The monitoring set-up running for real: every rule group loads and evaluates cleanly, every
/// dashboard query runs and returns data, and a firing alert reaches the webhook through every
/// route it matches.
/// </summary>
public sealed class LiveMonitoringTests(LiveMonitoringStack stack) : IClassFixture<LiveMonitoringStack>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task EveryScrapeTargetIsUp()
    {
        await Poll.UntilAsync(
            async () =>
            {
                var targets = (await stack.QueryApiAsync("api/v1/targets")).GetProperty("activeTargets").EnumerateArray().ToList();
                return targets.Count == stack.TargetCount && targets.All(target => target.GetProperty("health").GetString() == "up");
            },
            Deadline,
            $"all {stack.TargetCount} targets were up\n{stack.Logs}");
    }

    [Fact]
    public async Task EveryRuleGroupIsLoadedAndEvaluatesWithoutError()
    {
        List<JsonElement> groups = [];
        await Poll.UntilAsync(
            async () =>
            {
                groups = [.. (await stack.QueryApiAsync("api/v1/rules")).GetProperty("groups").EnumerateArray()];
                return groups.Count > 0 && groups.SelectMany(Rules).All(rule => rule.GetProperty("health").GetString() != "unknown");
            },
            Deadline,
            $"every rule was evaluated once\n{stack.Logs}");

        Assert.Equal(RuleCatalog.GroupNames.Order(), groups.Select(group => group.GetProperty("name").GetString()).Order());
        var failing = groups.SelectMany(Rules)
            .Where(rule => rule.GetProperty("health").GetString() != "ok")
            .Select(rule => $"{rule.GetProperty("name")}: {rule.GetProperty("lastError")}")
            .ToList();
        Assert.True(failing.Count == 0, $"Rules failing to evaluate: {string.Join("; ", failing)}");
    }

    [Fact]
    public Task EveryDashboardQueryRunsAndReturnsData() =>
        DashboardQueryCheck.AssertEveryQueryReturnsDataAsync(stack.Prometheus, Deadline);

    [Fact]
    public async Task AFiringAlertReachesTheWebhookThroughEveryRouteItMatches()
    {
        // The synthetic mysql exporter reports mysql_up 0: MySQLDown (critical, component=database)
        // must reach both the critical and the database-team receivers.
        await Poll.UntilAsync(
            () => Task.FromResult(ReceiversNotifiedOf("MySQLDown").IsSupersetOf(["critical", "database-team"])),
            Deadline,
            $"MySQLDown reached the critical and database-team receivers; got {string.Join(", ", ReceiversNotifiedOf("MySQLDown"))}\n{stack.Logs}");
    }

    private HashSet<string> ReceiversNotifiedOf(string alertname) =>
    [
        .. stack.Exporter.Notifications
            .Where(payload => payload.GetProperty("alerts").EnumerateArray()
                .Any(alert => alert.GetProperty("labels").GetProperty("alertname").GetString() == alertname
                    && alert.GetProperty("status").GetString() == "firing"))
            .Select(payload => payload.GetProperty("receiver").GetString() ?? string.Empty),
    ];

    private static IEnumerable<JsonElement> Rules(JsonElement group) => group.GetProperty("rules").EnumerateArray();
}
