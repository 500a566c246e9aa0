using Winyx.Api.Auth;
using Winyx.Api.Caching;
using Winyx.Api.Metrics;
using Winyx.Api.RateLimiting;
using Winyx.Api.Users;

namespace Winyx.Api.Apis;

/// <summary>What the user routes depend on, bundled for <c>[AsParameters]</c>.</summary>
/// <param name="Users">The UserRpc client.</param>
/// <param name="Cache">The profile cache.</param>
/// <param name="Tokens">The JWT issuer.</param>
/// <param name="Throttle">The per-account login limit.</param>
/// <param name="Metrics">The business counters.</param>
public sealed record UserApiServices(
    UserRpcClient Users,
    UserProfileCache Cache,
    JwtTokenIssuer Tokens,
    AccountLoginThrottle Throttle,
    ApiMetrics Metrics);
