using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Winyx.Testing.Processes;

/// <summary>
/// A bounded, thread-safe ring buffer of captured output lines with live subscriptions.
/// One buffer may outlive several runs of a process (an orchestrator keeps one per resource so
/// the console view survives restarts), so it never "completes": watchers end by cancellation.
/// </summary>
public sealed class ProcessOutputBuffer
{
    private readonly OutputLine[] _ring;
    private readonly Lock _gate = new();
    private readonly List<Channel<OutputLine>> _watchers = [];
    private long _written;

    /// <summary>Creates a buffer that keeps the newest <paramref name="capacity"/> lines.</summary>
    public ProcessOutputBuffer(int capacity = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new OutputLine[capacity];
    }

    /// <summary>Raised, on the reading thread, for every line added.</summary>
    public event Action<OutputLine>? LineAdded;

    /// <summary>How many lines the buffer keeps.</summary>
    public int Capacity => _ring.Length;

    /// <summary>How many lines were ever added (including those that fell out of the ring).</summary>
    public long TotalLines
    {
        get
        {
            lock (_gate)
            {
                return _written;
            }
        }
    }

    /// <summary>Appends a line, dropping the oldest one when full, and notifies watchers.</summary>
    public void Add(OutputLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _ring[_written % _ring.Length] = line;
            _written++;
            foreach (var watcher in _watchers)
            {
                // Unbounded channels always accept; a slow watcher costs memory, never blocks the pump.
                watcher.Writer.TryWrite(line);
            }
        }

        LineAdded?.Invoke(line);
    }

    /// <summary>The retained lines, oldest first.</summary>
    public IReadOnlyList<OutputLine> Snapshot() => Tail(_ring.Length);

    /// <summary>The newest <paramref name="count"/> retained lines, oldest first.</summary>
    public IReadOnlyList<OutputLine> Tail(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return TailLocked(count);
        }
    }

    /// <summary>The newest lines joined by newlines, for error messages.</summary>
    public string TailText(int count) => string.Join('\n', Tail(count).Select(l => l.Text));

    /// <summary>
    /// Streams lines as they arrive, optionally starting with the retained history, until
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<OutputLine> WatchAsync(
        bool includeHistory = true,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<OutputLine>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (includeHistory)
            {
                foreach (var line in TailLocked(_ring.Length))
                {
                    channel.Writer.TryWrite(line);
                }
            }

            _watchers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var line))
                {
                    yield return line;
                }
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

    private OutputLine[] TailLocked(int count)
    {
        var available = (int)Math.Min(_written, _ring.Length);
        var take = Math.Min(count, available);
        var result = new OutputLine[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = _ring[(_written - take + i) % _ring.Length];
        }

        return result;
    }
}
