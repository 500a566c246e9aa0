namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>
/// One alert instance's life as the watcher saw it in Prometheus: first seen (pending or already
/// firing), first seen firing, and first seen gone.
/// </summary>
/// <param name="Identity">Its name and labels (<see cref="AlertIdentity"/>).</param>
/// <param name="Name">Its alert name.</param>
/// <param name="Severity">Its severity label.</param>
/// <param name="SeenAt">When the watcher first saw it.</param>
public sealed record AlertSpan(string Identity, string Name, string Severity, DateTimeOffset SeenAt)
{
    /// <summary>When the watcher first saw it firing; null while it never fired.</summary>
    public DateTimeOffset? FiringAt { get; init; }

    /// <summary>When the watcher first missed it; null while Prometheus still holds it.</summary>
    public DateTimeOffset? EndedAt { get; init; }
}
