using System.Globalization;

namespace Winyx.LoadTests.AlertProof;

/// <summary>What happened to one expected alert in its case; times are seconds from the fault's start (or removal, for resolution).</summary>
/// <param name="Name">The alert.</param>
/// <param name="Severity">The tier.</param>
/// <param name="FiringSeconds">Fault start → firing in Prometheus; null when it never fired.</param>
/// <param name="NotificationSeconds">Fault start → the first firing notification in Winyx.Alerts; null when none came.</param>
/// <param name="TheoreticalMinimumSeconds"><c>for</c> + scrape + evaluation + <c>group_wait</c>, compressed, plus the condition's own delay.</param>
/// <param name="ExpectedReceivers">Receivers the routing tree names for the alert's labels.</param>
/// <param name="NotifiedReceivers">Receivers whose firing notifications carried it.</param>
/// <param name="ResolvedSeconds">Fault removed → the resolved notification; null when none came.</param>
/// <param name="Labels">The alert's labels as notified.</param>
/// <param name="Annotations">Its annotations as notified.</param>
public sealed record AlertOutcome(
    string Name,
    string Severity,
    double? FiringSeconds,
    double? NotificationSeconds,
    double TheoreticalMinimumSeconds,
    IReadOnlyList<string> ExpectedReceivers,
    IReadOnlyList<string> NotifiedReceivers,
    double? ResolvedSeconds,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>
    /// Seconds before the fault's removal at which a resolved notification came while the fault still
    /// ran; null when none did. Not a proof of resolution: it says the fault stopped holding the
    /// condition, which is a different failure from an alert that never resolves.
    /// </summary>
    public double? ResolvedBeforeRemovalSeconds { get; init; }

    /// <summary>Why it is not proven; empty when it is.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (FiringSeconds is null)
            {
                problems.Add("never fired in Prometheus");
            }

            if (NotificationSeconds is null)
            {
                problems.Add("no firing notification reached Winyx.Alerts");
            }
            else if (!ExpectedReceivers.SequenceEqual(NotifiedReceivers, StringComparer.Ordinal))
            {
                problems.Add($"notified {Join(NotifiedReceivers)}, the routing tree names {Join(ExpectedReceivers)}");
            }

            if (NotificationSeconds is not null && !Annotations.ContainsKey("summary"))
            {
                problems.Add("notified without a summary annotation");
            }

            if (NotificationSeconds is not null && ResolvedSeconds is null)
            {
                problems.Add(ResolvedBeforeRemovalSeconds is { } early
                    ? string.Create(CultureInfo.InvariantCulture, $"resolved {early:0.0} s before the fault was removed, while it still ran (the fault stopped holding the condition), and not notified again after")
                    : "no resolved notification after the fault was removed");
            }

            return problems;
        }
    }

    /// <summary>True when it fired, reached exactly the right receivers, and resolved.</summary>
    public bool Proven => Problems.Count == 0;

    /// <summary>Notification delay over the theoretical minimum.</summary>
    public double? DetectionRatio => NotificationSeconds / TheoreticalMinimumSeconds;

    private static string Join(IReadOnlyList<string> receivers) => receivers.Count == 0 ? "none" : string.Join(", ", receivers);
}
