namespace Winyx.LoadTests.AlertProof;

/// <summary>How the proof waits: polling, never a fixed sleep, with deadlines derived from the compressed rules.</summary>
public static class AlertProofTiming
{
    /// <summary>How often a waiting step looks again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Slack on top of a theoretical minimum before a case gives up: load ramps, resource restarts, a busy box.</summary>
    public static readonly TimeSpan DetectionSlack = TimeSpan.FromSeconds(45);

    /// <summary>Longest wait for the resolved notification after the fault is removed.</summary>
    public static readonly TimeSpan ResolveDeadline = TimeSpan.FromSeconds(90);

    /// <summary>Longest wait for a case's expected alerts to go quiet before its fault starts.</summary>
    public static readonly TimeSpan QuietDeadline = TimeSpan.FromSeconds(90);

    /// <summary>Longest wait for every other alert to go quiet before a case starts (best effort).</summary>
    public static readonly TimeSpan CalmDeadline = TimeSpan.FromSeconds(15);

    /// <summary>After the first notification of an alert, how long other receivers' copies may trail it.</summary>
    public static readonly TimeSpan ReceiverSettle = TimeSpan.FromSeconds(3);
}
