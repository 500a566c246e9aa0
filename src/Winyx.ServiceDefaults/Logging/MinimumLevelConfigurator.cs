using Microsoft.Extensions.Configuration;
using Serilog.Configuration;
using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Applies the standard <c>Logging:LogLevel</c> section to Serilog, so services keep configuring levels
/// the ASP.NET Core way (<c>Logging__LogLevel__Default=Debug</c>) although Serilog does the writing.
/// </summary>
internal static class MinimumLevelConfigurator
{
    // The access log records every request; ASP.NET Core's own per-request lines would only repeat it.
    private static readonly Dictionary<string, LogEventLevel> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Default"] = LogEventLevel.Information,
        ["Microsoft.AspNetCore"] = LogEventLevel.Warning,
        ["Microsoft.Extensions.Http.Resilience"] = LogEventLevel.Warning,
        ["Polly"] = LogEventLevel.Warning,
    };

    public static void Apply(LoggerMinimumLevelConfiguration minimumLevel, IConfigurationSection logLevels)
    {
        var levels = new Dictionary<string, LogEventLevel>(Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in logLevels.GetChildren())
        {
            if (LogLevelMapping.TryParse(entry.Value, out var level))
            {
                levels[entry.Key] = level;
            }
        }

        foreach (var (source, level) in levels)
        {
            if (string.Equals(source, "Default", StringComparison.OrdinalIgnoreCase))
            {
                minimumLevel.Is(level);
            }
            else
            {
                minimumLevel.Override(source, level);
            }
        }
    }
}
