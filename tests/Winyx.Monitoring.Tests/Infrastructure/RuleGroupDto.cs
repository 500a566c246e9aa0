namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>A rule group of a rule file.</summary>
internal sealed class RuleGroupDto
{
    public string Name { get; set; } = string.Empty;

    public string? Interval { get; set; }

    public List<RuleDto> Rules { get; set; } = [];
}
