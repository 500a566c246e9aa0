using System.Diagnostics.Metrics;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Watches the bounded queue in front of the console and file outputs (<see cref="LogQueueSink"/>):
/// Prometheus sees <c>log_records_dropped_total</c> (records refused because the queue was full) and
/// <c>log_queue_records</c> (records waiting now). A request never waits for an output; when the
/// outputs fall behind, records are dropped and counted rather than slowing the service down.
/// </summary>
internal sealed class LogQueueMetrics
{
    private LogQueueSink? _queue;
    private long _droppedBefore;

    public LogQueueMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(LogRecordCounterSink.MeterName);
        meter.CreateObservableCounter(
            "log_records_dropped",
            () => _droppedBefore + (_queue?.Dropped ?? 0),
            description: "Log records dropped because the output queue was full (Logging:QueueCapacity)");
        meter.CreateObservableGauge(
            "log_queue_records",
            () => _queue?.Count ?? 0,
            description: "Log records waiting for the console and file outputs");
    }

    /// <summary>Watches <paramref name="queue"/> from now on; a cumulative count never drops back to zero.</summary>
    public void Watch(LogQueueSink queue)
    {
        _droppedBefore += _queue?.Dropped ?? 0;
        _queue = queue;
    }
}
