using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace Winyx.Hosting.Configuration;

/// <summary>Reads <see cref="WinyxOptions"/> back from an Aspire builder's configuration.</summary>
public static class WinyxBuilderExtensions
{
    /// <summary>The Winyx options this AppHost runs with (defaults where none were given).</summary>
    public static WinyxOptions GetWinyxOptions(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(WinyxOptions.Section);
        return new WinyxOptions
        {
            Isolated = section.GetValue<bool>(nameof(WinyxOptions.Isolated)),
            TimeScale = section.GetValue(nameof(WinyxOptions.TimeScale), 1.0),
            Profile = section[nameof(WinyxOptions.Profile)] ?? "development",
            DataDirectory = section[nameof(WinyxOptions.DataDirectory)],
            UseContainers = section.GetValue<bool>(nameof(WinyxOptions.UseContainers)),
        };
    }

    /// <summary>
    /// The absolute data directory of the run (<c>Winyx:DataDirectory</c>, else <c>.winyx/</c> beside
    /// the AppHost's repository root), or a sub-directory of it; created on demand.
    /// </summary>
    public static string GetDataDirectory(this IDistributedApplicationBuilder builder, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = builder.GetWinyxOptions().DataDirectory is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.AppHostDirectory)
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", ".winyx"));
        var path = Path.Combine([root, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }
}
