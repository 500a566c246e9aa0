namespace Winyx.Testing.Monitoring;

/// <summary>One query of a panel: as written and as sent to Prometheus.</summary>
public sealed record PanelQuery(string File, string Panel, string Expression, string Resolved)
{
    public override string ToString() => $"{File} / {Panel}: {Resolved}";
}
