using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>Translates Microsoft.Extensions.Logging levels (what configuration speaks) to Serilog levels.</summary>
internal static class LogLevelMapping
{
    // Serilog has no "off"; one above Fatal is the documented way to silence a source.
    private const LogEventLevel Off = LogEventLevel.Fatal + 1;

    public static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        LogLevel.Critical => LogEventLevel.Fatal,
        _ => Off,
    };

    public static bool TryParse(string? text, out LogEventLevel level)
    {
        level = LogEventLevel.Information;
        if (!Enum.TryParse<LogLevel>(text, ignoreCase: true, out var parsed))
        {
            return false;
        }

        level = ToSerilog(parsed);
        return true;
    }
}
