using Grpc.Core;
using Winyx.Contracts.Users.V1;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;

namespace Winyx.UserRpc.Tests;

/// <summary>Bad input gets INVALID_ARGUMENT naming each bad field, or NOT_FOUND for unknown ids.</summary>
[Collection(UserRpcCollection.Name)]
public sealed class UserValidationTests(UserRpcFixture fixture)
{
    private UserService.UserServiceClient Users => fixture.Service.Users;

    [Fact]
    public async Task RegisterWithEmptyFieldsNamesEveryField() =>
        await RpcAssert.InvalidFieldsAsync(async () => await Users.RegisterAsync(new RegisterRequest()), "name", "email", "password");

    [Fact]
    public async Task RegisterWithTooLongValuesNamesEveryField() =>
        await RpcAssert.InvalidFieldsAsync(
            async () => await Users.RegisterAsync(new RegisterRequest
            {
                Name = new string('n', 51),
                Email = new string('e', 243) + "@example.com", // 255 characters
                Password = new string('p', 129),
            }),
            "name", "email", "password");

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@localhost")]
    public async Task RegisterWithMalformedEmailNamesEmail(string email) =>
        await RpcAssert.InvalidFieldsAsync(
            async () => await Users.RegisterAsync(new RegisterRequest { Name = "Ada", Email = email, Password = TestUsers.Password }),
            "email");

    [Fact]
    public async Task RegisterWithShortPasswordNamesPasswordWithoutEchoingIt()
    {
        var violations = await RpcAssert.InvalidFieldsAsync(
            async () => await Users.RegisterAsync(new RegisterRequest { Name = "Ada", Email = TestUsers.NewEmail(), Password = "s3cr3t!" }),
            "password");
        Assert.DoesNotContain("s3cr3t!", violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateWithoutCredentialsNamesBothFields() =>
        await RpcAssert.InvalidFieldsAsync(async () => await Users.AuthenticateAsync(new AuthenticateRequest()), "email", "password");

    [Fact]
    public async Task GetUnknownUserReturnsNotFound() =>
        await RpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await Users.GetUserAsync(new GetUserRequest { Id = long.MaxValue }));

    [Fact]
    public async Task GetWithNonPositiveIdNamesId() =>
        await RpcAssert.InvalidFieldsAsync(async () => await Users.GetUserAsync(new GetUserRequest { Id = 0 }), "id");

    [Theory]
    [InlineData(0, 10, "page")]
    [InlineData(1, 0, "size")]
    [InlineData(1, 101, "size")]
    [InlineData(-1, -1, "page,size")]
    public async Task ListWithBadPagingNamesTheBadFields(int page, int size, string fields) =>
        await RpcAssert.InvalidFieldsAsync(
            async () => await Users.ListUsersAsync(new ListUsersRequest { Page = page, Size = size }),
            fields.Split(','));

    [Fact]
    public async Task UpdateOfUnknownUserReturnsNotFound() =>
        await RpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await Users.UpdateProfileAsync(new UpdateProfileRequest { Id = long.MaxValue, Name = "Nobody" }));

    [Fact]
    public async Task UpdateWithNothingToChangeNamesNameAndEmail() =>
        await RpcAssert.InvalidFieldsAsync(
            async () => await Users.UpdateProfileAsync(new UpdateProfileRequest { Id = 1 }), "name", "email");

    [Fact]
    public async Task UpdateWithBadValuesNamesEachOne() =>
        await RpcAssert.InvalidFieldsAsync(
            async () => await Users.UpdateProfileAsync(new UpdateProfileRequest { Id = 1, Name = " ", Email = "nope", ExpectedVersion = "v1" }),
            "name", "email", "expected_version");
}
