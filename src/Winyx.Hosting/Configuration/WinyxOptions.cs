using System.Globalization;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Configuration;

/// <summary>
/// The AppHost's own flags: <c>--isolated</c>, <c>--time-scale N</c>, <c>--profile development|test</c>,
/// <c>--data-dir DIR</c>, <c>--containers</c>, <c>--alert-threshold ALERT[:SEVERITY]=VALUE</c> (repeatable).
/// Everything else is left for Aspire. They travel to the
/// integrations as configuration under <see cref="Section"/>, so a test's <c>Aspire.Hosting.Testing</c>
/// run and a person's <c>dotnet run</c> take the same path.
/// </summary>
public sealed record WinyxOptions
{
    /// <summary>The configuration section the options live in.</summary>
    public const string Section = "Winyx";

    /// <summary>What a person sees when a flag is wrong.</summary>
    public const string Usage = "usage: Winyx.AppHost [--isolated] [--time-scale N] [--profile development|test] [--data-dir DIR] [--containers] [--alert-threshold ALERT[:SEVERITY]=VALUE]...";

    /// <summary>The configuration section of <see cref="AlertThresholds"/>: <c>Winyx:AlertThresholds:&lt;alert&gt;:&lt;severity or *&gt;</c>.</summary>
    public const string AlertThresholdsSection = Section + ":" + nameof(AlertThresholds);

    /// <summary>Free ports for everything and a temporary data directory removed on exit.</summary>
    public bool Isolated { get; init; }

    /// <summary>Monitoring timings divided by this (1 = production).</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary><c>development</c> or <c>test</c>; <c>test</c> turns the services' chaos switch on.</summary>
    public string Profile { get; init; } = "development";

    /// <summary>The persistent data directory; null means <c>.winyx/</c> at the repository root.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Run Redis as Aspire's container (and Grafana/Jaeger) where a container engine answers.</summary>
    public bool UseContainers { get; init; }

    /// <summary>
    /// Alert thresholds replaced for this run (<c>--alert-threshold</c>, repeatable; a later one for the
    /// same alert and severity replaces an earlier one). The rendered rules say so in a
    /// <c>threshold_override</c> annotation; see <see cref="AlertThresholdOverride"/>.
    /// </summary>
    public IReadOnlyList<AlertThresholdOverride> AlertThresholds { get; init; } = [];

    /// <summary>True under <c>--profile test</c> (which <c>--isolated</c> implies).</summary>
    public bool IsTestProfile => Profile == "test";

    /// <summary>
    /// Splits <paramref name="args"/> into Winyx's flags and the rest (for Aspire).
    /// </summary>
    /// <exception cref="ArgumentException">A flag is unknown to Winyx yet looks like one of its own, or has a bad value; the message names it.</exception>
    public static (WinyxOptions Options, string[] Remaining) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new WinyxOptions();
        var remaining = new List<string>();
        string? profile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            // A flag where a value belongs means the value is missing (--data-dir --isolated).
            string Value() => inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : throw Error($"{name} needs a value"));
            switch (name)
            {
                case "--isolated": options = options with { Isolated = true }; break;
                case "--containers": options = options with { UseContainers = true }; break;
                case "--time-scale": options = options with { TimeScale = ParseTimeScale(Value()) }; break;
                case "--data-dir": options = options with { DataDirectory = NonEmpty(name, Value()) }; break;
                case "--profile": options = options with { Profile = profile = ParseProfile(Value()) }; break;
                case "--alert-threshold": options = options.WithAlertThreshold(ParseAlertThreshold(Value())); break;
                default: remaining.Add(args[i]); break;
            }
        }

        options = profile is null && options.Isolated ? options with { Profile = "test" } : options;
        return (options, [.. remaining]);
    }

    /// <summary>The options as configuration keys (<c>Winyx:TimeScale</c>, …).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration() =>
    [
        new($"{Section}:{nameof(Isolated)}", Isolated ? "true" : "false"),
        new($"{Section}:{nameof(TimeScale)}", TimeScale.ToString(CultureInfo.InvariantCulture)),
        new($"{Section}:{nameof(Profile)}", Profile),
        new($"{Section}:{nameof(DataDirectory)}", DataDirectory),
        new($"{Section}:{nameof(UseContainers)}", UseContainers ? "true" : "false"),
        .. AlertThresholds.Select(t => new KeyValuePair<string, string?>($"{AlertThresholdsSection}:{t.Alert}:{t.SeverityKey}", t.FormattedValue)),
    ];

    /// <summary>These options with <paramref name="threshold"/> added, replacing one for the same alert and severity.</summary>
    public WinyxOptions WithAlertThreshold(AlertThresholdOverride threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return this with { AlertThresholds = [.. AlertThresholds.Where(t => t.Alert != threshold.Alert || t.Severity != threshold.Severity), threshold] };
    }

    /// <summary>Value equality, <see cref="AlertThresholds"/> compared as a set (configuration does not keep their order).</summary>
    public bool Equals(WinyxOptions? other) =>
        other is not null
        && Isolated == other.Isolated
        && TimeScale.Equals(other.TimeScale)
        && Profile == other.Profile
        && DataDirectory == other.DataDirectory
        && UseContainers == other.UseContainers
        && AlertThresholds.Count == other.AlertThresholds.Count
        && AlertThresholds.All(other.AlertThresholds.Contains);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Isolated, TimeScale, Profile, DataDirectory, UseContainers, AlertThresholds.Count);

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static double ParseTimeScale(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale >= 1 && double.IsFinite(scale)
            ? scale
            : throw Error($"--time-scale expects a number >= 1, got '{value}'");

    private static string ParseProfile(string value) =>
        value is "development" or "test" ? value : throw Error($"--profile expects 'development' or 'test', got '{value}'");

    private static AlertThresholdOverride ParseAlertThreshold(string value)
    {
        try
        {
            return AlertThresholdOverride.Parse(value);
        }
        catch (FormatException ex)
        {
            throw Error($"--alert-threshold expects ALERT[:SEVERITY]=VALUE ({ex.Message}), got '{value}'");
        }
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw Error($"{name} expects a directory, got '{value}'") : value;

    private static ArgumentException Error(string message) => new($"{message}. {Usage}");
}
