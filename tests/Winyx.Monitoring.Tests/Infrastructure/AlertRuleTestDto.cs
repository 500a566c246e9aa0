namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>One alert_rule_test: an alert checked at one evaluation time.</summary>
internal sealed class AlertRuleTestDto
{
    public string EvalTime { get; set; } = string.Empty;

    public string Alertname { get; set; } = string.Empty;

    public List<ExpectedAlertDto> ExpAlerts { get; set; } = [];
}
