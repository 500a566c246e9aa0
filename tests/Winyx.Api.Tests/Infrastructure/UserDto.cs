namespace Winyx.Api.Tests.Infrastructure;

/// <summary>A user as the API returns it.</summary>
public sealed record UserDto(long Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
