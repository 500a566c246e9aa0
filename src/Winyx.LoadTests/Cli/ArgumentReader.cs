using System.Globalization;
using System.Net;

namespace Winyx.LoadTests.Cli;

/// <summary>
/// Reads <c>--flag value</c> (or <c>--flag=value</c>) pairs and bare switches, and parses values,
/// throwing <see cref="UsageException"/> messages that name the flag and the bad value.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public ArgumentReader(IReadOnlyList<string> args, IReadOnlySet<string> valueFlags, IReadOnlySet<string> switches)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            if (switches.Contains(flag))
            {
                _values[flag] = null;
            }
            else if (valueFlags.Contains(flag))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{flag}: a value is required"));
                _values[flag] = value;
            }
            else
            {
                throw new UsageException($"unknown option '{args[i]}'");
            }
        }
    }

    public bool Has(string flag) => _values.ContainsKey(flag);

    public string? String(string flag) => _values.GetValueOrDefault(flag);

    public double? Double(string flag, double min, double max)
    {
        if (String(flag) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            throw new UsageException($"{flag}: '{text}' is not a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    public int? Int(string flag, int min, int max)
    {
        if (String(flag) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{flag}: '{text}' is not a whole number between {min} and {max}");
        }

        return value;
    }

    public TimeSpan? Duration(string flag, TimeSpan min)
    {
        if (String(flag) is not { } text)
        {
            return null;
        }

        if (!TryParseDuration(text, out var value) || value < min)
        {
            throw new UsageException($"{flag}: '{text}' is not a duration of at least {min.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (e.g. 500ms, 30s, 2m, 00:01:00)");
        }

        return value;
    }

    /// <summary>Accepts 500ms, 30s, 2m, 1h, a bare number of seconds, or hh:mm:ss.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number) && number >= 0)
            {
                value = TimeSpan.FromSeconds(number * seconds);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && double.IsFinite(plain) && plain >= 0)
        {
            value = TimeSpan.FromSeconds(plain);
            return true;
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }

    /// <summary>An absolute http(s) URL whose host is loopback (127.0.0.0/8, ::1 or localhost).</summary>
    public static Uri LoopbackUrl(string flag, string? text)
    {
        if (text is null)
        {
            throw new UsageException($"{flag} is required");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"{flag}: '{text}' is not an absolute http:// or https:// URL");
        }

        var isLoopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!isLoopback)
        {
            throw new UsageException($"{flag}: '{text}' is not a loopback target (host '{uri.Host}'); this tool only loads 127.0.0.1, ::1 or localhost");
        }

        return uri;
    }

    private static (string Flag, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
