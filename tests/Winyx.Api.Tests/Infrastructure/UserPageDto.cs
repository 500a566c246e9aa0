namespace Winyx.Api.Tests.Infrastructure;

/// <summary>One page of users as the API returns it.</summary>
public sealed record UserPageDto(IReadOnlyList<UserDto> Items, int Page, int Size, long Total);
