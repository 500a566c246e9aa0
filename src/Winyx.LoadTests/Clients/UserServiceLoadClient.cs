using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Winyx.Contracts.Users.V1;
using Winyx.LoadTests.Scenarios;

namespace Winyx.LoadTests.Clients;

/// <summary>
/// The gRPC helper for Winyx's UserService: one channel per run (one shared handler, several HTTP/2
/// connections allowed so hundreds of workers are not serialised on one), and calls that come back
/// as a <see cref="Response"/> carrying the gRPC status code and the reply's size.
/// </summary>
/// <example>
/// <code>
/// using var users = new UserServiceLoadClient(new Uri("http://127.0.0.1:8080"));
/// var scenario = Scenario.Create("get_user", ctx => users.GetUserAsync(1, ctx.CancellationToken));
/// </code>
/// </example>
public sealed class UserServiceLoadClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly UserService.UserServiceClient _client;

    /// <summary>Creates the client for a UserRpc address (h2c when <c>http://</c>).</summary>
    public UserServiceLoadClient(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                UseProxy = false,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            },
            DisposeHttpClient = true,
        });
        _client = new UserService.UserServiceClient(_channel);
    }

    /// <summary>The generated client, for calls without a helper here.</summary>
    public UserService.UserServiceClient Client => _client;

    /// <summary>Registers a user.</summary>
    public Task<Response> RegisterAsync(string name, string email, string password, CancellationToken cancellationToken) =>
        CallAsync(_client.RegisterAsync(new RegisterRequest { Name = name, Email = email, Password = password }, cancellationToken: cancellationToken));

    /// <summary>Checks a user's credentials.</summary>
    public Task<Response> AuthenticateAsync(string email, string password, CancellationToken cancellationToken) =>
        CallAsync(_client.AuthenticateAsync(new AuthenticateRequest { Email = email, Password = password }, cancellationToken: cancellationToken));

    /// <summary>Reads a user.</summary>
    public Task<Response> GetUserAsync(long id, CancellationToken cancellationToken) =>
        CallAsync(_client.GetUserAsync(new GetUserRequest { Id = id }, cancellationToken: cancellationToken));

    /// <summary>Reads a page of users.</summary>
    public Task<Response> ListUsersAsync(int page, int size, CancellationToken cancellationToken) =>
        CallAsync(_client.ListUsersAsync(new ListUsersRequest { Page = page, Size = size }, cancellationToken: cancellationToken));

    /// <summary>
    /// Awaits any unary call: OK is a success with the reply's size; any other status is a failure
    /// carrying the gRPC status code (e.g. 14 UNAVAILABLE) and detail.
    /// </summary>
    public static async Task<Response> CallAsync<TReply>(AsyncUnaryCall<TReply> call)
        where TReply : IMessage
    {
        ArgumentNullException.ThrowIfNull(call);
        using (call)
        {
            try
            {
                var reply = await call.ResponseAsync.ConfigureAwait(false);
                return Response.Ok((int)StatusCode.OK, reply.CalculateSize());
            }
            catch (RpcException ex)
            {
                return Response.Fail((int)ex.StatusCode, 0, ex.Status.Detail);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();
}
