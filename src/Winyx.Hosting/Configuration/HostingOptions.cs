using System.Globalization;

namespace Winyx.Hosting.Configuration;

/// <summary>
/// The AppHost's command line: <c>--isolated</c>, <c>--time-scale N</c>, <c>--no-build</c>,
/// <c>--data-dir DIR</c>, <c>--profile NAME</c>.
/// </summary>
public sealed record HostingOptions
{
    /// <summary>The usage line printed with a command-line error.</summary>
    public const string Usage = "usage: Winyx.AppHost [--isolated] [--time-scale N] [--no-build] [--data-dir DIR] [--profile development|test] [--stop-timeout SECONDS]";

    /// <summary>Free ports for everything and a temporary data directory removed on exit.</summary>
    public bool Isolated { get; init; }

    /// <summary>Monitoring timings are divided by this factor (1 = production timings).</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Do not build the projects: run their existing outputs (tests build them beforehand).</summary>
    public bool NoBuild { get; init; }

    /// <summary>Where data, logs and secrets live (default <c>.winyx/</c> at the repository root).</summary>
    public string? DataDirectory { get; init; }

    /// <summary><c>development</c>, or <c>test</c> (fault injection enabled); <c>--isolated</c> defaults to <c>test</c>.</summary>
    public string Profile { get; init; } = "development";

    /// <summary>How long a graceful stop of one resource waits before killing it (<c>--stop-timeout</c>).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True in the test profile.</summary>
    public bool IsTestProfile => Profile == "test";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public static HostingOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new HostingOptions();
        string? profile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw Error($"{name} needs a value"));
            options = name switch
            {
                "--isolated" => options with { Isolated = true },
                "--no-build" => options with { NoBuild = true },
                "--time-scale" => options with { TimeScale = ParseTimeScale(Value()) },
                "--data-dir" => options with { DataDirectory = NonEmpty(name, Value()) },
                "--profile" => options with { Profile = profile = ParseProfile(Value()) },
                "--stop-timeout" => options with { StopTimeout = ParseStopTimeout(Value()) },
                _ => throw Error($"unknown argument '{args[i]}'"),
            };
        }

        return profile is null && options.Isolated ? options with { Profile = "test" } : options;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static double ParseTimeScale(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale >= 1 && double.IsFinite(scale)
            ? scale
            : throw Error($"--time-scale expects a number >= 1, got '{value}'");

    private static TimeSpan ParseStopTimeout(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 600
            ? TimeSpan.FromSeconds(seconds)
            : throw Error($"--stop-timeout expects seconds between 0 and 600, got '{value}'");

    private static string ParseProfile(string value) =>
        value is "development" or "test" ? value : throw Error($"--profile expects 'development' or 'test', got '{value}'");

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw Error($"{name} expects a directory, got '{value}'") : value;

    private static ArgumentException Error(string message) => new($"{message}. {Usage}");
}
