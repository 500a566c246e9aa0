using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// The one state store: the latest <see cref="ResourceSnapshot"/> of every resource, replaced
/// atomically, with waits (<see cref="WaitForResourceAsync(string, string, CancellationToken)"/>,
/// <see cref="WaitForResourceHealthyAsync"/>) and watch streams (<see cref="WatchAsync"/>).
/// </summary>
/// <example><code>
/// await app.ResourceNotifications.WaitForResourceHealthyAsync("api", cancellationToken);
/// </code></example>
public sealed class ResourceNotificationService : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<Channel<ResourceEvent>> _watchers = [];
    private readonly List<Waiter> _waiters = [];
    private bool _disposed;

    /// <summary>Registers a resource with its first snapshot (or replaces it).</summary>
    public void Initialize(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (!_snapshots.ContainsKey(snapshot.Name))
            {
                _order.Add(snapshot.Name);
            }

            SetLocked(snapshot);
        }
    }

    /// <summary>Replaces the snapshot of <paramref name="name"/> with <paramref name="update"/>(current) and tells watchers.</summary>
    public ResourceSnapshot PublishUpdate(string name, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var next = update(GetLocked(name));
            SetLocked(next);
            return next;
        }
    }

    /// <summary>The current snapshot of <paramref name="name"/>; throws naming it when unknown.</summary>
    public ResourceSnapshot GetSnapshot(string name)
    {
        lock (_gate)
        {
            return GetLocked(name);
        }
    }

    /// <summary>The current snapshot of <paramref name="name"/>, or null when unknown.</summary>
    public ResourceSnapshot? TryGetSnapshot(string name)
    {
        lock (_gate)
        {
            return _snapshots.GetValueOrDefault(name);
        }
    }

    /// <summary>Every resource's current snapshot, in model order.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        lock (_gate)
        {
            return _order.Select(n => _snapshots[n]).ToArray();
        }
    }

    /// <summary>
    /// Streams the current snapshot of every resource, then each change, until cancelled. The
    /// subscription starts when this method is called (not on first enumeration), so a caller that
    /// subscribes before the application starts sees every change; enumerate what you subscribe.
    /// </summary>
    public IAsyncEnumerable<ResourceEvent> WatchAsync(CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var name in _order)
            {
                channel.Writer.TryWrite(new ResourceEvent(name, _snapshots[name]));
            }

            _watchers.Add(channel);
        }

        return ReadAsync(channel, cancellationToken);
    }

    private async IAsyncEnumerable<ResourceEvent> ReadAsync(Channel<ResourceEvent> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var resourceEvent in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return resourceEvent;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    /// <summary>Completes with the first snapshot of <paramref name="name"/> that satisfies <paramref name="predicate"/> (possibly the current one).</summary>
    public Task<ResourceSnapshot> WaitForAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Waiter waiter;
        lock (_gate)
        {
            var current = GetLocked(name);
            if (predicate(current))
            {
                return Task.FromResult(current);
            }

            waiter = new Waiter(name, predicate);
            _waiters.Add(waiter);
        }

        return waiter.WaitAsync(this, cancellationToken);
    }

    /// <summary>Waits until <paramref name="name"/> is in <paramref name="targetState"/> (see <see cref="KnownResourceStates"/>).</summary>
    public Task<ResourceSnapshot> WaitForResourceAsync(string name, string targetState, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s.State == targetState, cancellationToken);

    /// <summary>
    /// Waits until <paramref name="name"/> is Running and healthy (Running is enough without health checks).
    /// Keeps waiting through crashes and restarts: a resource may recover.
    /// </summary>
    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s.IsReady, cancellationToken);

    /// <summary>Waits until <paramref name="name"/> reports <paramref name="status"/> (e.g. Unhealthy after a dependency stopped).</summary>
    public Task<ResourceSnapshot> WaitForHealthStatusAsync(string name, HealthStatus status, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s.HealthStatus == status, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            foreach (var waiter in _waiters)
            {
                waiter.Cancel();
            }

            _waiters.Clear();
        }
    }

    private ResourceSnapshot GetLocked(string name) =>
        _snapshots.TryGetValue(name, out var snapshot)
            ? snapshot
            : throw new ArgumentException($"There is no resource named '{name}'. Known: {string.Join(", ", _order)}.", nameof(name));

    private void SetLocked(ResourceSnapshot snapshot)
    {
        _snapshots[snapshot.Name] = snapshot;
        var resourceEvent = new ResourceEvent(snapshot.Name, snapshot);
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(resourceEvent);
        }

        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].TryComplete(snapshot))
            {
                _waiters.RemoveAt(i);
            }
        }
    }

    private void Remove(Waiter waiter)
    {
        lock (_gate)
        {
            _waiters.Remove(waiter);
        }
    }

    private sealed class Waiter(string name, Func<ResourceSnapshot, bool> predicate)
    {
        private readonly TaskCompletionSource<ResourceSnapshot> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryComplete(ResourceSnapshot snapshot) =>
            snapshot.Name == name && predicate(snapshot) && _completion.TrySetResult(snapshot);

        public void Cancel() => _completion.TrySetCanceled();

        public async Task<ResourceSnapshot> WaitAsync(ResourceNotificationService owner, CancellationToken cancellationToken)
        {
            try
            {
                return await _completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                owner.Remove(this);
            }
        }
    }
}
