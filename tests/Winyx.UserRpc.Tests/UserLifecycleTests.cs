using System.Buffers.Binary;
using Grpc.Core;
using MySqlConnector;
using Winyx.Contracts.Users.V1;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;

namespace Winyx.UserRpc.Tests;

/// <summary>The happy path and the business failures of the user service, over a real channel.</summary>
[Collection(UserRpcCollection.Name)]
public sealed class UserLifecycleTests(UserRpcFixture fixture)
{
    private UserService.UserServiceClient Users => fixture.Service.Users;

    [Fact]
    public async Task RegisteredUserCanAuthenticateBeReadAndUpdated()
    {
        var email = TestUsers.NewEmail();
        var registered = (await Users.RegisterAsync(new RegisterRequest { Name = "  Ada Lovelace ", Email = email.ToUpperInvariant(), Password = TestUsers.Password })).User;
        Assert.True(registered.Id > 0);
        Assert.Equal("Ada Lovelace", registered.Name);
        Assert.Equal(email, registered.Email); // stored normalized
        Assert.Equal("1", registered.Version);
        Assert.Equal(registered.CreatedAt, registered.UpdatedAt);

        var authenticated = (await Users.AuthenticateAsync(new AuthenticateRequest { Email = email, Password = TestUsers.Password })).User;
        Assert.Equal(registered, authenticated);
        Assert.Equal(registered, (await Users.GetUserAsync(new GetUserRequest { Id = registered.Id })).User);

        var updated = (await Users.UpdateProfileAsync(new UpdateProfileRequest { Id = registered.Id, Name = "Ada King", ExpectedVersion = "1" })).User;
        Assert.Equal("Ada King", updated.Name);
        Assert.Equal(email, updated.Email);
        Assert.Equal("2", updated.Version);
        Assert.Equal(registered.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt.ToDateTime() >= registered.UpdatedAt.ToDateTime());
        Assert.Equal(updated, (await Users.GetUserAsync(new GetUserRequest { Id = registered.Id })).User);
    }

    [Fact]
    public async Task UpdateWithStaleVersionIsAbortedAndChangesNothing()
    {
        var user = await Users.RegisterAsync();
        var first = (await Users.UpdateProfileAsync(new UpdateProfileRequest { Id = user.Id, Name = "First", ExpectedVersion = user.Version })).User;

        await RpcAssert.FailsWithAsync(StatusCode.Aborted, async () =>
            await Users.UpdateProfileAsync(new UpdateProfileRequest { Id = user.Id, Name = "Second", ExpectedVersion = user.Version }));

        Assert.Equal(first, (await Users.GetUserAsync(new GetUserRequest { Id = user.Id })).User);
    }

    [Fact]
    public async Task RegisteringATakenEmailInAnyCaseReturnsAlreadyExists()
    {
        var request = TestUsers.NewRegistration();
        await Users.RegisterAsync(request);

        var again = new RegisterRequest { Name = "Someone Else", Email = request.Email.ToUpperInvariant(), Password = "another password" };
        await RpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () => await Users.RegisterAsync(again));
    }

    [Fact]
    public async Task ChangingEmailToATakenOneReturnsAlreadyExists()
    {
        var taken = await Users.RegisterAsync();
        var user = await Users.RegisterAsync();

        await RpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () =>
            await Users.UpdateProfileAsync(new UpdateProfileRequest { Id = user.Id, Email = taken.Email }));
    }

    [Fact]
    public async Task WrongPasswordAndUnknownEmailFailAlikeWithUnauthenticated()
    {
        var user = await Users.RegisterAsync();

        var wrongPassword = await RpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () =>
            await Users.AuthenticateAsync(new AuthenticateRequest { Email = user.Email, Password = "not the password" }));
        var unknownEmail = await RpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () =>
            await Users.AuthenticateAsync(new AuthenticateRequest { Email = TestUsers.NewEmail(), Password = TestUsers.Password }));

        Assert.Equal(wrongPassword.Status.Detail, unknownEmail.Status.Detail);
    }

    [Fact]
    public async Task PasswordIsStoredAsAnIdentityV3HashWithAtLeast100kIterations()
    {
        var user = await Users.RegisterAsync();

        await using var connection = new MySqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT password_hash FROM users WHERE id = @id", connection);
        command.Parameters.AddWithValue("@id", user.Id);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.DoesNotContain(TestUsers.Password, stored, StringComparison.Ordinal);
        // Identity V3 layout: 0x01, PRF (big-endian int), iteration count, salt length, salt, subkey.
        var bytes = Convert.FromBase64String(stored);
        Assert.Equal(0x01, bytes[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)) >= 100_000);
    }

    [Fact]
    public async Task ListUsersPagesThroughEveryUserInIdOrder()
    {
        for (var i = 0; i < 3; i++)
        {
            await Users.RegisterAsync($"Paged {i}");
        }

        var all = await Users.ListUsersAsync(new ListUsersRequest { Page = 1, Size = 100 });
        Assert.True(all.Total >= 3);
        Assert.Equal(all.Users.Select(u => u.Id).Order(), all.Users.Select(u => u.Id));

        var paged = new List<long>();
        var pages = (int)Math.Ceiling(all.Total / 2.0);
        for (var page = 1; page <= pages; page++)
        {
            var reply = await Users.ListUsersAsync(new ListUsersRequest { Page = page, Size = 2 });
            Assert.Equal(page, reply.Page);
            Assert.Equal(2, reply.Size);
            Assert.Equal(all.Total, reply.Total);
            Assert.InRange(reply.Users.Count, 1, 2);
            paged.AddRange(reply.Users.Select(u => u.Id));
        }

        Assert.Equal(all.Users.Select(u => u.Id), paged);
        var beyond = await Users.ListUsersAsync(new ListUsersRequest { Page = pages + 1, Size = 2 });
        Assert.Empty(beyond.Users);
        Assert.Equal(all.Total, beyond.Total);
    }
}
