using System.Threading.Channels;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// The bounded queue in front of the console and the files. A request only puts its record in the
/// queue; a pump on the thread pool takes whatever has gathered, formats it, and writes the console
/// once per batch. When the queue is full a record is dropped and counted. A record may also be queued
/// <em>deferred</em> (<see cref="IDeferredLogEvent"/>): the pump then writes its line and counts it (a
/// run of such records with one counter increment), and builds its log event only for the files, so
/// none of that runs on the request's thread.
/// </summary>
/// <remarks>
/// This replaces Serilog.Sinks.Async, measured on the request path (bench/RESULTS.md): its worker waits
/// in <c>BlockingCollection.Take</c>, which spins before it sleeps, and was woken for every record, so
/// at 10k records/s it kept spinning on one of the two cores the requests needed; and the console sink
/// flushed, one <c>write</c> system call, per record. Here the pump sleeps
/// <see cref="BatchDelay"/> between batches (one wake-up and one console write per batch) when the
/// queue is large enough to hold what arrives meanwhile, and a
/// waiting pump is woken by a channel, which does not spin.
/// </remarks>
internal sealed class LogQueueSink : ILogEventSink, IDisposable
{
    /// <summary>How long records gather before the pump writes them: what a record may lag behind.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(50);

    // Records gather only in a queue that can hold them meanwhile (1,000 records is 50 ms at 20k/s); a
    // smaller queue (a test's) is written as soon as a record arrives, as Serilog.Sinks.Async did.
    private const int MinCapacityToGather = 1000;
    private const int MaxBatchChars = 256 * 1024;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<QueuedLog> _queue;
    private readonly JsonLogFormatter _formatter;
    private readonly ConsoleOutput _console;
    private readonly ILogEventSink? _files;
    private readonly LogRecordCounterSink _counter;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private readonly bool _gather;
    private long _dropped;
    private int _disposed;

    // Deferred records written and not counted yet, all of one level and category (only the pump touches these).
    private LogEventLevel _uncountedLevel;
    private string _uncountedCategory = string.Empty;
    private long _uncounted;

    /// <summary>
    /// A queue of <paramref name="capacity"/> records that writes the console as <paramref name="formatter"/>
    /// formats it and passes every record on to <paramref name="files"/>; deferred records, which come
    /// redacted, are counted by <paramref name="counter"/>, as the logger's own sink does for the others.
    /// </summary>
    public LogQueueSink(
        int capacity,
        JsonLogFormatter formatter,
        ILogEventSink? files,
        LogRecordCounterSink counter,
        LogConsoleTarget console)
    {
        _formatter = formatter;
        _console = ConsoleOutput.For(console);
        _files = files;
        _counter = counter;
        _gather = capacity >= MinCapacityToGather;
        _queue = Channel.CreateBounded<QueuedLog>(
            new BoundedChannelOptions(Math.Max(1, capacity))
            {
                FullMode = BoundedChannelFullMode.DropWrite,
                SingleReader = true,
                AllowSynchronousContinuations = false,
            },
            _ => Interlocked.Increment(ref _dropped));
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Records waiting now.</summary>
    public int Count => _queue.Reader.Count;

    /// <summary>Records dropped so far because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Emit(LogEvent logEvent) => _queue.Writer.TryWrite(new QueuedLog(logEvent, null));

    /// <summary>Queues a record whose log event the pump builds; false when it was dropped.</summary>
    public bool TryWrite(IDeferredLogEvent record) => _queue.Writer.TryWrite(new QueuedLog(null, record));

    // Both the Serilog logger (as its sink) and the service provider (as a singleton) dispose it.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            _pump.Wait(DrainTimeout);
        }
        catch (AggregateException ex)
        {
            SelfLog.WriteLine("The log queue's pump failed: {0}", ex);
        }

        (_files as IDisposable)?.Dispose();
        _stopping.Dispose();
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        using var batch = new LogBatch(MaxBatchChars + MaxBatchChars / 4);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var queued))
            {
                Write(queued, batch);
                if (batch.Length >= MaxBatchChars)
                {
                    WriteConsole(batch);
                }
            }

            WriteConsole(batch);
            if (_gather && !_stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(BatchDelay, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: drain what is left without waiting.
                }
            }
        }
    }

    private void Write(QueuedLog queued, LogBatch batch)
    {
        var lineStart = batch.Length;
        try
        {
            if (queued.Deferred is { } deferred)
            {
                WriteDeferred(deferred, batch);
                return;
            }

            _formatter.Format(queued.Event!, batch);
            _files?.Emit(queued.Event!);
        }
        catch (Exception ex)
        {
            // No half-written line reaches the console.
            batch.Truncate(lineStart);
            SelfLog.WriteLine("Could not write a log record: {0}", ex);
        }
    }

    private void WriteDeferred(IDeferredLogEvent deferred, LogBatch batch)
    {
        deferred.WriteJson(batch);
        CountLater(deferred);
        _files?.Emit(deferred.Create());
    }

    // One counter increment for a run of records of one level and category (a batch of access-log records).
    private void CountLater(IDeferredLogEvent deferred)
    {
        if (_uncounted > 0 && (deferred.Level != _uncountedLevel || deferred.Category != _uncountedCategory))
        {
            CountWritten();
        }

        (_uncountedLevel, _uncountedCategory) = (deferred.Level, deferred.Category);
        _uncounted++;
    }

    private void CountWritten()
    {
        if (_uncounted > 0)
        {
            _counter.Count(_uncountedLevel, _uncountedCategory, _uncounted);
            _uncounted = 0;
        }
    }

    // A ready log event (it went through the logger's enrichers and sinks) or one the pump builds.
    private readonly record struct QueuedLog(LogEvent? Event, IDeferredLogEvent? Deferred);

    private void WriteConsole(LogBatch batch)
    {
        CountWritten();
        if (batch.Length == 0)
        {
            return;
        }

        try
        {
            _console.Write(batch.Text);
        }
        catch (IOException ex)
        {
            SelfLog.WriteLine("Could not write the console: {0}", ex);
        }
        finally
        {
            batch.Clear();
        }
    }
}
