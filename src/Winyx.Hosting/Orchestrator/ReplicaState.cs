using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>The state of one copy of a resource; <see cref="ReplicaStates"/> folds them into the resource's snapshot.</summary>
internal sealed record ReplicaState
{
    public string State { get; init; } = KnownResourceStates.NotStarted;

    public int? ProcessId { get; init; }

    public int? ExitCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public bool RestartPending { get; init; }

    public int RestartCount { get; init; }

    public bool StoppedByRequest { get; init; }

    public string? Message { get; init; }
}
