namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>A recording or alerting rule.</summary>
internal sealed class RuleDto
{
    public string? Alert { get; set; }

    public string? Record { get; set; }

    public string Expr { get; set; } = string.Empty;

    public string? For { get; set; }

    public string? KeepFiringFor { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    public Dictionary<string, string> Annotations { get; set; } = [];
}
