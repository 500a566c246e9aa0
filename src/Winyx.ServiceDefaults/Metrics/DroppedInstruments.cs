using Microsoft.Extensions.Configuration;

namespace Winyx.ServiceDefaults.Metrics;

/// <summary>
/// Instruments a service does not collect: <c>Telemetry:Metrics:Drop</c>, a comma-separated list of
/// instrument names, by default ASP.NET Core's per-request diagnostics that no Winyx dashboard or alert reads.
/// </summary>
/// <remarks>
/// ASP.NET Core 10 records five instruments on every request besides <c>http.server.request.duration</c> and
/// <c>http.server.active_requests</c>; on a cached read they cost about as much as the request's tracing
/// (bench/RESULTS.md). A dropped instrument is never enabled, so ASP.NET Core skips recording it. Set
/// <c>Telemetry:Metrics:Drop</c> to an empty value to collect every instrument, or to your own list.
/// </remarks>
public static class DroppedInstruments
{
    /// <summary>The configuration key.</summary>
    public const string ConfigurationKey = "Telemetry:Metrics:Drop";

    /// <summary>What is dropped when <see cref="ConfigurationKey"/> is not set.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "aspnetcore.authentication.authenticate.duration",
        "aspnetcore.authorization.attempts",
        "aspnetcore.routing.match_attempts",
        "aspnetcore.memory_pool.pooled",
        "aspnetcore.memory_pool.allocated",
        "aspnetcore.memory_pool.evicted",
        "aspnetcore.memory_pool.rented",
    ];

    /// <summary>The names configured, or <see cref="Defaults"/> when none are.</summary>
    public static IReadOnlyList<string> From(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { } configured
            ? configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : Defaults;
}
