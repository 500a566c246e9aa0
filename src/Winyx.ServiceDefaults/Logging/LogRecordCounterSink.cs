using System.Diagnostics.Metrics;
using Serilog.Core;
using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Counts every log record written, by level and category: Prometheus sees it as
/// <c>log_records_total{level,category}</c>. Error-log alerts are a rate over this counter rather than a
/// scan of log files (the seed's monitor counted files touched in the last minute).
/// </summary>
internal sealed class LogRecordCounterSink : ILogEventSink
{
    /// <summary>The meter that owns the counter.</summary>
    public const string MeterName = "Winyx.Logging";

    private readonly Counter<long> _records;

    public LogRecordCounterSink(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _records = meter.CreateCounter<long>("log_records", description: "Log records written, by level and category");
    }

    public void Emit(LogEvent logEvent) => Add(1, logEvent.Level, LogCategory.Of(logEvent));

    /// <summary>Counts <paramref name="records"/> records of one level and logger category at once.</summary>
    public void Count(LogEventLevel level, string category, long records) => Add(records, level, LogCategory.Trim(category));

    private void Add(long records, LogEventLevel level, string categoryLabel) =>
        _records.Add(
            records,
            new KeyValuePair<string, object?>("level", LogLevelNames.Of(level)),
            new KeyValuePair<string, object?>("category", categoryLabel));
}
