namespace Winyx.Api.Tests.Infrastructure;

/// <summary>The login answer.</summary>
public sealed record LoginDto(string Token, DateTimeOffset ExpiresAt);
