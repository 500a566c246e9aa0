using System.Diagnostics.Metrics;
using Serilog.Sinks.Async;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Watches the bounded queue in front of the console and file outputs: Prometheus sees
/// <c>log_records_dropped_total</c> (records refused because the queue was full) and
/// <c>log_queue_records</c> (records waiting now). A request never waits for an output; when the
/// outputs fall behind, records are dropped and counted rather than slowing the service down.
/// </summary>
internal sealed class LogQueueMetrics : IAsyncLogEventSinkMonitor
{
    private IAsyncLogEventSinkInspector? _queue;

    public LogQueueMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(LogRecordCounterSink.MeterName);
        meter.CreateObservableCounter(
            "log_records_dropped",
            () => _queue?.DroppedMessagesCount ?? 0,
            description: "Log records dropped because the output queue was full (Logging:QueueCapacity)");
        meter.CreateObservableGauge(
            "log_queue_records",
            () => _queue?.Count ?? 0,
            description: "Log records waiting for the console and file outputs");
    }

    public void StartMonitoring(IAsyncLogEventSinkInspector inspector) => _queue = inspector;

    public void StopMonitoring(IAsyncLogEventSinkInspector inspector)
    {
        // The counter keeps its last value: a cumulative count must not drop back to zero.
    }
}
