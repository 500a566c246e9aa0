using System.Globalization;

namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>
/// How the brute-force case storms the login, and the count UserLoginFailureSpike asks of it on this machine.
/// Every failed login costs UserRpc one PBKDF2 hash (unknown addresses too: a decoy hash keeps timings equal).
/// </summary>
/// <remarks>
/// <para>
/// The storm is closed: <see cref="InFlight"/> login at a time, the next sent when the last is answered, so it
/// runs as fast as one core hashes and never faster. An open storm at a planned rate (until 2026-12-03) queued
/// logins inside UserRpc whenever the machine ran slower than when the plan measured it; they passed the Api's
/// deadline and failed as 5xx instead of 401, so the rule never counted them and error alerts fired instead.
/// </para>
/// <para>
/// Time compression shortens the rule's 5-minute window to seconds but keeps its count of 50: at ×60 that is
/// 10 failures a second, which needs a core hashing in 100 ms or less. On a slower machine the count is lowered
/// for the run to what <see cref="Margin"/> of one core's measured rate fails in the window.
/// </para>
/// </remarks>
/// <param name="HashesPerSecond">What one core of this machine hashed a second when the plan was made.</param>
/// <param name="Override">The lowered count, or null when the storm clears the catalog's 50.</param>
public sealed record LoginStorm(double HashesPerSecond, ThresholdOverride? Override)
{
    /// <summary>Logins in flight at once: one core's worth of hashing, the other core left to the fleet.</summary>
    public const int InFlight = 1;

    /// <summary>UserLoginFailureSpike's count of failed logins in its window.</summary>
    public const int CatalogThreshold = 50;

    /// <summary>UserRpc's <c>Passwords:IterationCount</c>, which the proof's fleet keeps at its default.</summary>
    public const int HashIterations = 100_000;

    /// <summary>
    /// The share of one core's measured hash rate the count counts on. The fleet, Prometheus and the proof share
    /// the core, and a shared host's speed moves: CI saw the same machine hash 6.5 and 17.4 times a second on one
    /// day, and a storm reach half its measured rate. At half, that storm held the count only at the edge: the
    /// alert fired after 17.5 s and resolved while the storm still ran, so no resolution followed the fault's end.
    /// </summary>
    public const double Margin = 0.25;

    /// <summary>The storm for a machine hashing <paramref name="hashesPerSecond"/> on one core, against a rule window of <paramref name="window"/>.</summary>
    public static LoginStorm Plan(double hashesPerSecond, TimeSpan window)
    {
        var reachable = hashesPerSecond * window.TotalSeconds * Margin;
        if (reachable >= CatalogThreshold)
        {
            return new LoginStorm(hashesPerSecond, null);
        }

        var threshold = Math.Max(1, Math.Floor(reachable));
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"the 5-minute window is {window.TotalSeconds:0.#} s at this time scale but the count stays 50, which needs {CatalogThreshold / window.TotalSeconds:0.#} failed logins a second, each a PBKDF2-HMAC-SHA512 hash of {HashIterations} iterations; one core of this machine hashed {hashesPerSecond:0.#} a second, the storm sends one login at a time, and the run alerts above {threshold:0} failures ({Margin:P0} of what that core fails in the window)");
        return new LoginStorm(hashesPerSecond, new ThresholdOverride("UserLoginFailureSpike", "warning", threshold, CatalogThreshold.ToString(CultureInfo.InvariantCulture), reason));
    }
}
