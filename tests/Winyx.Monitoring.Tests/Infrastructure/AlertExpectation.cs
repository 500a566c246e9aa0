namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>One alert check of one promtool test group.</summary>
internal sealed record AlertExpectation(string File, string TestName, AlertRuleTestDto Check)
{
    public bool ExpectsQuiet => Check.ExpAlerts.Count == 0;
}
