namespace Winyx.Bench.GrpcHop;

/// <summary>The shape of Winyx.Api's user profile (as bench/MinimalEndpoint answers it).</summary>
internal sealed record UserProfile(long Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
