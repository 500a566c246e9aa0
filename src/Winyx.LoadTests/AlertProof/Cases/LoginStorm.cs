using System.Globalization;

namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>
/// How hard the brute-force case storms the login, decided from what this machine can hash. Every failed
/// login costs UserRpc one PBKDF2 hash (unknown addresses too: a decoy hash keeps timings equal), so the
/// machine's hash rate bounds the failures per second. Time compression shortens UserLoginFailureSpike's
/// 5-minute window to seconds but keeps its count of 50: at ×60 it needs 60 times the production rate
/// of failures. A machine that cannot hash that fast beside the fleet gets the count lowered for the run.
/// </summary>
/// <param name="Rate">Wrong-password logins a second.</param>
/// <param name="Override">The lowered count, or null when the storm clears the catalog's 50.</param>
public sealed record LoginStorm(double Rate, ThresholdOverride? Override)
{
    /// <summary>The fastest storm: ~1.5 s of the API's per-IP limit over the case's 40 addresses, and what the catalog threshold needs at ×60.</summary>
    public const double MaxRate = 15;

    /// <summary>UserLoginFailureSpike's count of failed logins in its window.</summary>
    public const int CatalogThreshold = 50;

    /// <summary>UserRpc's <c>Passwords:IterationCount</c>, which the proof's fleet keeps at its default.</summary>
    public const int HashIterations = 100_000;

    /// <summary>The share of the machine's hash rate the storm may take: the fleet, Prometheus and the proof need the rest.</summary>
    public const double MachineShare = 0.5;

    /// <summary>The share of the storm's failures per window the threshold may ask for: logins slow down, scrapes land late.</summary>
    public const double Margin = 0.7;

    /// <summary>The storm for a machine hashing <paramref name="hashesPerSecond"/> on all its cores, against a rule window of <paramref name="window"/>.</summary>
    public static LoginStorm Plan(double hashesPerSecond, TimeSpan window)
    {
        var rate = Math.Round(Math.Min(MaxRate, hashesPerSecond * MachineShare), 1);
        var reachable = rate * window.TotalSeconds * Margin;
        if (reachable > CatalogThreshold)
        {
            return new LoginStorm(rate, null);
        }

        var threshold = Math.Max(1, Math.Floor(reachable));
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"the 5-minute window is {window.TotalSeconds:0.#} s at this time scale but the count stays 50, which needs {CatalogThreshold / window.TotalSeconds:0.#} failed logins a second, each a PBKDF2-HMAC-SHA512 hash of {HashIterations} iterations; this machine hashes {hashesPerSecond:0.#} a second on all its cores, so the storm runs at {rate:0.#}/s (half of that) and the run alerts above {threshold:0} failures");
        return new LoginStorm(rate, new ThresholdOverride("UserLoginFailureSpike", "warning", threshold, CatalogThreshold.ToString(CultureInfo.InvariantCulture), reason));
    }
}
