using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// The state of one resource at one moment. Immutable: every change publishes a new snapshot
/// through <see cref="ResourceNotificationService"/>, the single source the console, the control
/// API, the dashboard and the tests read.
/// </summary>
public sealed record ResourceSnapshot
{
    /// <summary>Resource name.</summary>
    public required string Name { get; init; }

    /// <summary>Kind of resource: Project, Executable, Container, MySql, Redis, …</summary>
    public required string ResourceType { get; init; }

    /// <summary>One of <see cref="KnownResourceStates"/>.</summary>
    public string State { get; init; } = KnownResourceStates.NotStarted;

    /// <summary>True when the resource has health checks (then ready means Healthy).</summary>
    public bool HasHealthChecks { get; init; }

    /// <summary>Latest health: null until the first probe (or when there are no checks).</summary>
    public HealthStatus? HealthStatus { get; init; }

    /// <summary>What the last probe said when it was not healthy.</summary>
    public string? HealthDescription { get; init; }

    /// <summary>URLs of its endpoints (HTTP first), one per replica.</summary>
    public ImmutableArray<string> Urls { get; init; } = [];

    /// <summary>Process ids of the running copies.</summary>
    public ImmutableArray<int> ProcessIds { get; init; } = [];

    /// <summary>The resources it is waiting for while <see cref="KnownResourceStates.Waiting"/>.</summary>
    public ImmutableArray<string> WaitingFor { get; init; } = [];

    /// <summary>Exit code of the last run, once exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>When the current (or last) run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last run ended.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>How many times it was restarted after a crash.</summary>
    public int RestartCount { get; init; }

    /// <summary>True while a restart after a crash is scheduled.</summary>
    public bool RestartPending { get; init; }

    /// <summary>True when a user (or shutdown) stopped it: no automatic restart.</summary>
    public bool StoppedByRequest { get; init; }

    /// <summary>Human-readable detail: why it failed, the install hint, the restart delay.</summary>
    public string? Message { get; init; }

    /// <summary>The parent resource's name for child resources (a database in a server).</summary>
    public string? Parent { get; init; }

    /// <summary>Running and, when it has health checks, healthy: what <c>WaitFor</c> waits for.</summary>
    public bool IsReady => State == KnownResourceStates.Running && (!HasHealthChecks || HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);

    /// <summary>In a state it will not leave on its own: failed, missing, or exited without a pending restart.</summary>
    public bool IsTerminal => State is KnownResourceStates.FailedToStart or KnownResourceStates.Missing
        || (State == KnownResourceStates.Exited && !RestartPending);
}
