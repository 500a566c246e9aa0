using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// A record the request only captures: <see cref="LogQueueSink"/>'s pump writes its JSON line, counts it,
/// and builds its Serilog log event only for outputs that need one (the files).
/// </summary>
internal interface IDeferredLogEvent
{
    /// <summary>The record's level, for <c>log_records_total</c>.</summary>
    LogEventLevel Level { get; }

    /// <summary>The record's logger category, for <c>log_records_total</c>.</summary>
    string Category { get; }

    /// <summary>
    /// Writes the record's line, redacted: the same line <see cref="JsonLogFormatter"/> writes for the
    /// event <see cref="Create"/> builds.
    /// </summary>
    void WriteJson(TextWriter output);

    /// <summary>
    /// Builds the record's log event, for the files, with its values redacted as the logger's redaction
    /// enricher would redact them (the pump does not run the enricher on it again).
    /// </summary>
    LogEvent Create();
}
