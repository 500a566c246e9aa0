namespace Winyx.Alerts.Dashboards;

/// <summary>A Grafana dashboard JSON model, reduced to what the renderer draws.</summary>
public sealed record DashboardDefinition(string Uid, string Title, string File)
{
    /// <summary>The dashboard's description.</summary>
    public string? Description { get; init; }

    /// <summary>The default window's start (<c>now-1h</c>).</summary>
    public string TimeFrom { get; init; } = "now-1h";

    /// <summary>The default window's end (<c>now</c>).</summary>
    public string TimeTo { get; init; } = "now";

    /// <summary>The auto-refresh interval (<c>10s</c>), or null for none.</summary>
    public string? Refresh { get; init; }

    /// <summary>Template variables.</summary>
    public IReadOnlyList<DashboardVariable> Variables { get; init; } = [];

    /// <summary>Every panel, rows' nested panels included, in grid order.</summary>
    public IReadOnlyList<PanelDefinition> Panels { get; init; } = [];
}
