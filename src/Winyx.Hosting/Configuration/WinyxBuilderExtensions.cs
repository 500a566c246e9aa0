using System.Globalization;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;
using Winyx.Hosting.Monitoring;

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
            AlertThresholds = [.. AlertThresholds(builder.Configuration.GetSection(WinyxOptions.AlertThresholdsSection))],
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

    // Winyx:AlertThresholds:<alert>:<severity or *> = <number>
    private static IEnumerable<AlertThresholdOverride> AlertThresholds(IConfigurationSection section)
    {
        foreach (var alert in section.GetChildren())
        {
            foreach (var severity in alert.GetChildren())
            {
                AlertThresholdOverride threshold;
                try
                {
                    threshold = double.TryParse(severity.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                        ? new AlertThresholdOverride(alert.Key, severity.Key, value)
                        : throw new FormatException("not a number");
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    throw new InvalidOperationException($"Configuration {severity.Path} = '{severity.Value}' is not an alert threshold override (a finite number under {WinyxOptions.AlertThresholdsSection}:<alert>:<severity or *>): {ex.Message}", ex);
                }

                yield return threshold;
            }
        }
    }
}
