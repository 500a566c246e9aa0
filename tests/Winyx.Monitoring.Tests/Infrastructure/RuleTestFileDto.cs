namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>A promtool unit-test file.</summary>
internal sealed class RuleTestFileDto
{
    public List<RuleTestGroupDto> Tests { get; set; } = [];
}
