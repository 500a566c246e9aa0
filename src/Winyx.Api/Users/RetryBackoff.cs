namespace Winyx.Api.Users;

/// <summary>
/// The pause before a read is tried again after UNAVAILABLE: gRPC's retry-policy schedule (a random
/// pause up to a ceiling of 100 ms that doubles per retry, capped at 1 s), so retries from many
/// requests spread out instead of arriving together.
/// </summary>
internal static class RetryBackoff
{
    /// <summary>The ceiling of the first pause.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest ceiling.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(1);

    /// <summary>The pause before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public static TimeSpan Before(int retry)
    {
        var ceiling = Math.Min(Initial.TotalMilliseconds * Math.Pow(2, retry - 1), Max.TotalMilliseconds);
        // Not security-relevant randomness: jitter only.
#pragma warning disable CA5394
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}
