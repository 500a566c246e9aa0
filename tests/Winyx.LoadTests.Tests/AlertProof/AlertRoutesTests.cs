using Winyx.LoadTests.AlertProof;

namespace Winyx.LoadTests.Tests.AlertProof;

public sealed class AlertRoutesTests
{
    [Theory]
    [InlineData("APIServiceDown", "critical", "api", "critical")]
    [InlineData("MySQLDown", "critical", "database", "critical,database-team")]
    [InlineData("HighDatabaseConnections", "warning", "database", "database-team")]
    [InlineData("UserLoginFailureSpike", "warning", "business", "business-team")]
    [InlineData("UserRpcDown", "critical", "rpc", "critical")]
    [InlineData("HighResponseTime", "warning", "application", "default")]
    [InlineData("BusinessRegistrationsFailing", "warning", "application", "default")]
    public void ReceiversFollowTheSeedsRoutingTree(string alert, string severity, string component, string expected)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alert, ["severity"] = severity, ["component"] = component };

        Assert.Equal(expected.Split(','), AlertRoutes.ReceiversFor(labels));
    }
}
