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
        var level = LogLevelMapping.ToSerilog(options.MinimumLevel);
        if (options.Compress)
        {
            // Serilog keeps only the current file; each rolled one goes through the hook, which
            // compresses it and applies the age and count limits to the archives.
            return writeTo.File(
                formatter,
                path,
                restrictedToMinimumLevel: level,
                fileSizeLimitBytes: options.MaxSizeBytes,
                rollingInterval: RollingInterval.Day,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 1,
                hooks: new GzipArchiveHooks(fileName, options, time));
        }

        return writeTo.File(
            formatter,
            path,
            restrictedToMinimumLevel: level,
            fileSizeLimitBytes: options.MaxSizeBytes,
            rollingInterval: RollingInterval.Day,
            rollOnFileSizeLimit: true,
            retainedFileCountLimit: options.MaxBackups + 1,
            retainedFileTimeLimit: TimeSpan.FromDays(options.KeepDays));
    }
}
