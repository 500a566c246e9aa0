using Winyx.ServiceDefaults.Logging;

namespace Winyx.Web.Telemetry;

/// <summary>
/// The seed's frontend logs (000 §5.2.2): <c>combined-DATE.log</c> (everything, kept 7 days) and
/// <c>error-DATE.log</c> (errors only, kept 14 days), daily, 20 MB, compressed when rolled. Both are
/// configured in appsettings.json without a directory, so nothing is written until
/// <c>Logging:File:Path</c> names one; then both go there.
/// </summary>
public static class SeedLogFiles
{
    /// <summary>The error-only output's name under <c>Logging:Files</c>.</summary>
    public const string ErrorOutput = "error";

    /// <summary>Gives the extra outputs the main file's directory unless they have their own.</summary>
    public static void ShareOneDirectory(ServiceLoggingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.File?.Path))
        {
            return;
        }

        foreach (var output in options.Files.Values.Where(o => string.IsNullOrWhiteSpace(o.Path)))
        {
            output.Path = options.File.Path;
        }
    }
}
