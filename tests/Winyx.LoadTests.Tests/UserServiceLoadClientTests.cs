using Google.Protobuf;
using Grpc.Core;
using Winyx.Contracts.Users.V1;
using Winyx.LoadTests.Clients;

namespace Winyx.LoadTests.Tests;

public class UserServiceLoadClientTests
{
    private static AsyncUnaryCall<UserReply> Call(Task<UserReply> reply) =>
        new(reply, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    [Fact]
    public async Task OkReplyIsASuccessWithTheReplysSize()
    {
        var reply = new UserReply { User = new User { Id = 7, Name = "Ana", Email = "ana@example.test" } };

        var response = await UserServiceLoadClient.CallAsync(Call(Task.FromResult(reply)));

        Assert.True(response.IsOk);
        Assert.Equal((int)StatusCode.OK, response.StatusCode);
        Assert.Equal(reply.CalculateSize(), response.SizeBytes);
    }

    [Fact]
    public async Task RpcErrorIsAFailureCarryingTheGrpcStatus()
    {
        var failed = Task.FromException<UserReply>(new RpcException(new Status(StatusCode.Unavailable, "database down")));

        var response = await UserServiceLoadClient.CallAsync(Call(failed));

        Assert.False(response.IsOk);
        Assert.Equal(14, response.StatusCode);
        Assert.Equal("database down", response.Message);
    }

    [Fact]
    public async Task UnreachableUserServiceFailsAsUnavailable()
    {
        using var client = new UserServiceLoadClient(new Uri("http://127.0.0.1:1"));

        var response = await client.GetUserAsync(1, CancellationToken.None);

        Assert.Equal((int)StatusCode.Unavailable, response.StatusCode);
    }
}
