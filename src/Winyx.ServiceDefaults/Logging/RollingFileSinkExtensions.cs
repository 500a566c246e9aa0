using Serilog;
using Serilog.Configuration;
using Serilog.Formatting;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>Adds a <see cref="FileLogOptions"/> output to a Serilog pipeline.</summary>
internal static class RollingFileSinkExtensions
{
    public static LoggerConfiguration RollingJsonFile(
        this LoggerSinkConfiguration writeTo,
        string fileName,
        FileLogOptions options,
        ITextFormatter formatter,
        TimeProvider time)
    {
        var path = Path.Combine(options.Path!, fileName + "-.log");
        // Serilog's own retention, or (compressed) Serilog keeps only the current file and each rolled
        // one goes through the hook, which compresses it and applies the age and count limits to the archives.
        return writeTo.File(
            formatter,
            path,
            restrictedToMinimumLevel: LogLevelMapping.ToSerilog(options.MinimumLevel),
            fileSizeLimitBytes: options.MaxSizeBytes,
            rollingInterval: RollingInterval.Day,
            rollOnFileSizeLimit: true,
            retainedFileCountLimit: options.Compress ? 1 : options.MaxBackups + 1,
            retainedFileTimeLimit: options.Compress ? null : TimeSpan.FromDays(options.KeepDays),
            hooks: options.Compress ? new GzipArchiveHooks(fileName, options, time) : null);
    }
}
