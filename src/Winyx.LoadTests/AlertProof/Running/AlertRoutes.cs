namespace Winyx.LoadTests.AlertProof;

/// <summary>
/// The receivers the seed's routing tree (seed 000 §5.5.2, DESIGN.md) names for an alert's labels,
/// written out independently of monitoring/alertmanager/alertmanager.yml so the proof checks
/// Alertmanager against the specification, not against itself.
/// </summary>
public static class AlertRoutes
{
    /// <summary>The receivers, sorted.</summary>
    public static IReadOnlyList<string> ReceiversFor(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var receivers = new SortedSet<string>(StringComparer.Ordinal);
        // Critical pages on-call and continues to the team routes.
        if (labels.GetValueOrDefault("severity") == "critical")
        {
            receivers.Add("critical");
        }

        if (labels.GetValueOrDefault("component") == "database")
        {
            receivers.Add("database-team");
        }

        var name = labels.GetValueOrDefault("alertname", string.Empty);
        if ((name.StartsWith("User", StringComparison.Ordinal) || name.StartsWith("Business", StringComparison.Ordinal))
            && labels.GetValueOrDefault("component") == "business")
        {
            receivers.Add("business-team");
        }

        // No child route matched: the root's receiver.
        if (receivers.Count == 0)
        {
            receivers.Add("default");
        }

        return [.. receivers];
    }
}
