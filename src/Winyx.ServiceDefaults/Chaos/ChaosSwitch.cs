using Microsoft.Extensions.Options;

namespace Winyx.ServiceDefaults.Chaos;

/// <summary>
/// The run-time fault settings and the dice, one per process. The admin API writes it; the HTTP
/// middleware and the gRPC interceptor ask it about every request (a single volatile read while off).
/// Settings are immutable and replaced whole, so a reader never sees half an update.
/// </summary>
public sealed class ChaosSwitch
{
    // Null unless a seed is configured: Random.Shared is thread-safe, a seeded Random is not.
    private readonly Random? _seeded;
    private readonly Lock _seededLock = new();
    private volatile ChaosSettings _settings = ChaosSettings.Off;

    /// <summary>Creates the switch, off, with seeded dice when <see cref="ChaosOptions.Seed"/> is set.</summary>
    public ChaosSwitch(IOptions<ChaosOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Not security-relevant randomness: it only picks which requests fail.
#pragma warning disable CA5394
        _seeded = options.Value.Seed is int seed ? new Random(seed) : null;
#pragma warning restore CA5394
    }

    /// <summary>The active settings, or <see cref="ChaosSettings.Off"/>.</summary>
    public ChaosSettings Current => _settings;

    /// <summary>Whether any fault is being injected.</summary>
    public bool IsActive => _settings.IsActive;

    /// <summary>Replaces the active settings with the normalized <paramref name="settings"/>, which it returns.</summary>
    /// <exception cref="ArgumentException">The settings are invalid (see <see cref="ChaosSettings.Validate"/>).</exception>
    public ChaosSettings Set(ChaosSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Values.SelectMany(m => m)), nameof(settings));
        }

        var normalized = settings.Normalized();
        _settings = normalized;
        return normalized;
    }

    /// <summary>Turns every fault off.</summary>
    public void Clear() => _settings = ChaosSettings.Off;

    /// <summary>Decides the latency and the failure for one request or call to <paramref name="target"/>.</summary>
    /// <param name="target">A route template, page name or full gRPC method name.</param>
    public ChaosDecision Decide(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var settings = _settings;
        if (!settings.IsActive || !settings.Targets(target))
        {
            return ChaosDecision.None;
        }

        var fail = settings.ErrorRatio >= 1 || (settings.ErrorRatio > 0 && NextDouble() < settings.ErrorRatio);
        return new ChaosDecision(TimeSpan.FromMilliseconds(settings.LatencyMs), fail, settings.FailureStatus);
    }

    private double NextDouble()
    {
#pragma warning disable CA5394 // see the constructor
        if (_seeded is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (_seededLock)
        {
            return _seeded.NextDouble();
        }
#pragma warning restore CA5394
    }
}
