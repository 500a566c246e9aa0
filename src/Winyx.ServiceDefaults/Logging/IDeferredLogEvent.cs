using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// A record whose Serilog log event is built off the request's thread, by <see cref="LogQueueSink"/>'s
/// pump: the request only captures the values. The pump redacts and counts it like any other record.
/// </summary>
internal interface IDeferredLogEvent
{
    /// <summary>Builds the log event (called once, on the pump).</summary>
    LogEvent Create();
}
