using System.Text.Json;

namespace Winyx.Testing.Monitoring;

/// <summary>One panel of one dashboard.</summary>
public sealed record DashboardPanel(string File, JsonElement Panel)
{
    public string Title => Panel.GetProperty("title").GetString() ?? string.Empty;

    public string Type => Panel.GetProperty("type").GetString() ?? string.Empty;

    public IEnumerable<JsonElement> Targets =>
        Panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : [];

    public IEnumerable<string> Expressions =>
        Targets.Where(target => target.TryGetProperty("expr", out _)).Select(target => target.GetProperty("expr").GetString() ?? string.Empty);

    public override string ToString() => $"{File} / {Title}";
}
