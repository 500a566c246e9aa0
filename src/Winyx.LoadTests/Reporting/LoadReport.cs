using Winyx.LoadTests.Runner;

namespace Winyx.LoadTests.Reporting;

/// <summary>One alert's firing span, drawn on the HTML report's alert timeline.</summary>
/// <param name="AlertName">The alert's name.</param>
/// <param name="FiringAt">When it started firing.</param>
/// <param name="ResolvedAt">When it resolved; null while still firing.</param>
public sealed record AlertTimelineEntry(string AlertName, DateTimeOffset FiringAt, DateTimeOffset? ResolvedAt);

/// <summary>What the report writers render: a run's result plus what a caller adds to it.</summary>
/// <param name="Result">The run.</param>
public sealed record LoadReport(RunResult Result)
{
    /// <summary>
    /// Alerts seen during the run, for the HTML report's alert timeline. The engine leaves it empty;
    /// a caller that watched alerts (the alert proof) fills it and writes the report again.
    /// </summary>
    public IReadOnlyList<AlertTimelineEntry> AlertTimeline { get; init; } = [];
}
