using System.Collections.Immutable;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// The copies of one resource and the single snapshot they add up to: the most significant state
/// wins (a failure over a start over running), process ids and restarts are collected.
/// </summary>
internal sealed class ReplicaStates
{
    private static readonly string[] Precedence =
    [
        KnownResourceStates.FailedToStart, KnownResourceStates.Missing, KnownResourceStates.Waiting, KnownResourceStates.Starting,
        KnownResourceStates.Stopping, KnownResourceStates.Running, KnownResourceStates.Exited, KnownResourceStates.NotStarted,
    ];

    private readonly Lock _gate = new();
    private readonly string _name;
    private readonly ReplicaState[] _replicas;
    private readonly ResourceNotificationService _notifications;
    private ImmutableArray<string> _waitingFor = [];

    public ReplicaStates(string name, int count, ResourceNotificationService notifications)
    {
        _name = name;
        _replicas = Enumerable.Repeat(new ReplicaState(), count).ToArray();
        _notifications = notifications;
    }

    public void Set(int replica, Func<ReplicaState, ReplicaState> update)
    {
        lock (_gate)
        {
            _replicas[replica] = update(_replicas[replica]);
            Publish();
        }
    }

    public void SetAll(Func<ReplicaState, ReplicaState> update)
    {
        lock (_gate)
        {
            for (var i = 0; i < _replicas.Length; i++)
            {
                _replicas[i] = update(_replicas[i]);
            }

            Publish();
        }
    }

    /// <summary>Shows the resource waiting for <paramref name="names"/> (Starting once the list is empty).</summary>
    public void SetWaiting(IReadOnlyCollection<string> names)
    {
        lock (_gate)
        {
            _waitingFor = [.. names];
            for (var i = 0; i < _replicas.Length; i++)
            {
                _replicas[i] = _replicas[i] with { State = names.Count > 0 ? KnownResourceStates.Waiting : KnownResourceStates.Starting, Message = null };
            }

            Publish();
        }
    }

    /// <summary>After a stop request: copies that never ran go back to NotStarted; no restart stays pending.</summary>
    public void MarkStopped() => SetAll(r => r with
    {
        State = r.State is KnownResourceStates.Waiting or KnownResourceStates.Starting or KnownResourceStates.NotStarted ? KnownResourceStates.NotStarted : KnownResourceStates.Exited,
        ProcessId = null,
        RestartPending = false,
        StoppedByRequest = true,
        Message = "stopped",
    });

    private void Publish()
    {
        var state = Precedence.First(p => _replicas.Any(r => r.State == p));
        var leader = _replicas.First(r => r.State == state);
        var waitingFor = state == KnownResourceStates.Waiting ? _waitingFor : [];
        _notifications.PublishUpdate(_name, s => s with
        {
            State = state,
            HealthStatus = state == KnownResourceStates.Running ? s.HealthStatus : null,
            HealthDescription = state == KnownResourceStates.Running ? s.HealthDescription : null,
            ProcessIds = [.. _replicas.Where(r => r.ProcessId is not null).Select(r => r.ProcessId!.Value)],
            ExitCode = _replicas.LastOrDefault(r => r.ExitCode is not null)?.ExitCode,
            StartedAt = _replicas.Max(r => r.StartedAt),
            StoppedAt = state == KnownResourceStates.Exited && s.State != KnownResourceStates.Exited ? DateTimeOffset.UtcNow : s.StoppedAt,
            RestartCount = _replicas.Sum(r => r.RestartCount),
            RestartPending = _replicas.Any(r => r.RestartPending),
            StoppedByRequest = _replicas.All(r => r.StoppedByRequest),
            WaitingFor = waitingFor,
            Message = leader.Message,
        });
    }
}
