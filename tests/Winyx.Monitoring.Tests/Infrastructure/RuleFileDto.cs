namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>A Prometheus rule file.</summary>
internal sealed class RuleFileDto
{
    public List<RuleGroupDto> Groups { get; set; } = [];
}
