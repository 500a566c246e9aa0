namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>One test group of a promtool unit-test file.</summary>
internal sealed class RuleTestGroupDto
{
    public string Name { get; set; } = string.Empty;

    public List<AlertRuleTestDto> AlertRuleTest { get; set; } = [];
}
