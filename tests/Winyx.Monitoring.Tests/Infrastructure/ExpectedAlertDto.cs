namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>One alert expected to fire, with its labels and annotations.</summary>
internal sealed class ExpectedAlertDto
{
    public Dictionary<string, string> ExpLabels { get; set; } = [];

    public Dictionary<string, string> ExpAnnotations { get; set; } = [];
}
