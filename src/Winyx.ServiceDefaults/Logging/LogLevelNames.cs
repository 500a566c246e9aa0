using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// The one spelling of log levels in Winyx output: the lower-case Microsoft.Extensions.Logging names
/// (<c>trace</c>, <c>debug</c>, <c>information</c>, <c>warning</c>, <c>error</c>, <c>critical</c>), used
/// by the JSON lines and by the <c>level</c> label of <c>log_records_total</c>.
/// </summary>
public static class LogLevelNames
{
    /// <summary>The name of a Serilog level.</summary>
    public static string Of(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "trace",
        LogEventLevel.Debug => "debug",
        LogEventLevel.Information => "information",
        LogEventLevel.Warning => "warning",
        LogEventLevel.Error => "error",
        _ => "critical",
    };
}
