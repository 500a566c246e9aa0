using Winyx.Alerts.Rules;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Rules;

/// <summary>The Rules page's receivers come from the routing tree as <c>amtool config routes test</c> reads it.</summary>
public sealed class RoutingTreeTests
{
    private static readonly RoutingTree Tree = RoutingTree.Parse(File.ReadAllText(Path.Combine(RepoLayout.Root, "monitoring", "alertmanager", "alertmanager.yml")));

    [Theory]
    [InlineData("APIServiceDown", "critical", "api", "critical")]
    [InlineData("MySQLDown", "critical", "database", "critical,database-team")]
    [InlineData("HighDatabaseConnections", "warning", "database", "database-team")]
    [InlineData("UserLoginFailureSpike", "warning", "business", "business-team")]
    [InlineData("UserRpcDown", "critical", "userrpc", "critical")]
    [InlineData("HighCPUUsage", "warning", "system", "default")]
    public void AnAlertReachesTheReceiversTheRoutingTreeNames(string alertname, string severity, string component, string receivers)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alertname, ["severity"] = severity, ["component"] = component };

        Assert.Equal(receivers.Split(','), Tree.ReceiversFor(labels));
    }

    [Fact]
    public void MatchersReadEveryOperator()
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "UserLoginFailureSpike", ["severity"] = "warning" };

        Assert.True(LabelMatcher.Parse("alertname=~\"(User|Business).*\"").Matches(labels));
        Assert.False(LabelMatcher.Parse("alertname=~\"Business.*\"").Matches(labels));
        Assert.True(LabelMatcher.Parse("severity!=\"critical\"").Matches(labels));
        Assert.True(LabelMatcher.Parse("component!~\"database|api\"").Matches(labels));
        Assert.True(LabelMatcher.Parse("severity = warning").Matches(labels));
    }
}
