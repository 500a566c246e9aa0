using Microsoft.Extensions.Options;

namespace Winyx.UserRpc.Chaos;

/// <summary>
/// The run-time fault settings and the dice. One instance per process; the admin API writes it,
/// <see cref="ChaosInterceptor"/> reads it on every call (a single volatile read when off).
/// </summary>
public sealed class ChaosSwitch
{
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private volatile ChaosSettings? _settings;

    /// <summary>Creates the switch, off, with a seeded RNG when <see cref="ChaosOptions.Seed"/> is set.</summary>
    public ChaosSwitch(IOptions<ChaosOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _random = options.Value.Seed is int seed ? new Random(seed) : new Random();
    }

    /// <summary>The active settings, or <see cref="ChaosSettings.Off"/>.</summary>
    public ChaosSettings Current => _settings ?? ChaosSettings.Off;

    /// <summary>Replaces the active settings.</summary>
    public void Set(ChaosSettings settings) => _settings = settings;

    /// <summary>Turns chaos off.</summary>
    public void Clear() => _settings = null;

    /// <summary>Decides latency and failure for a call to <paramref name="fullMethod"/>.</summary>
    internal ChaosDecision Decide(string fullMethod)
    {
        var settings = _settings;
        if (settings is null || !Matches(settings.Routes, fullMethod))
        {
            return ChaosDecision.None;
        }

        var fail = settings.ErrorRatio >= 1 || (settings.ErrorRatio > 0 && NextDouble() < settings.ErrorRatio);
        return new ChaosDecision(TimeSpan.FromMilliseconds(settings.LatencyMs), fail ? settings.FailureStatus : null);
    }

    private static bool Matches(IReadOnlyList<string> routes, string fullMethod)
    {
        if (routes.Count == 0)
        {
            return true;
        }

        var shortName = Grpc.GrpcMethod.ShortName(fullMethod);
        return routes.Any(r =>
            string.Equals(r, shortName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.TrimStart('/'), fullMethod.TrimStart('/'), StringComparison.OrdinalIgnoreCase));
    }

    private double NextDouble()
    {
        lock (_randomLock)
        {
            return _random.NextDouble();
        }
    }
}
