using Grpc.Health.V1;
using Microsoft.Extensions.Options;
using Winyx.Contracts.Users.V1;

namespace Winyx.Api.Users;

/// <summary>Registers the typed gRPC clients to UserRpc.</summary>
public static class UserRpcRegistration
{
    /// <summary>
    /// Adds <see cref="UserRpcClient"/> over a factory-made gRPC client whose address service discovery
    /// resolves (<c>http://userrpc</c> from <c>services__userrpc__http__0</c>), plus the health client.
    /// </summary>
    /// <example><code>builder.AddUserRpcClient();</code></example>
    public static IHostApplicationBuilder AddUserRpcClient(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<UserRpcOptions>(builder.Configuration.GetSection(UserRpcOptions.SectionName));
        builder.Services.AddSingleton<UserRpcClient>();

        builder.Services
            .AddGrpcClient<UserService.UserServiceClient>(SetAddress)
            .UseGrpcTransport();

        builder.Services.AddGrpcClient<Health.HealthClient>(SetAddress).UseGrpcTransport();
        return builder;
    }

    private static void SetAddress(IServiceProvider services, Grpc.Net.ClientFactory.GrpcClientFactoryOptions options) =>
        options.Address = services.GetRequiredService<IOptions<UserRpcOptions>>().Value.Address;

    // The HTTP-level standard resilience handler (added to every client by the service defaults)
    // cannot see gRPC statuses and would retry non-idempotent calls on transport errors; UserRpcClient
    // retries the reads itself. Service discovery stays, from the service defaults, which give it to every
    // client: it rewrites http://userrpc per request. Adding it here as well made a second resolving
    // handler, which resolved the already resolved address again on every call (bench/RESULTS.md, ninth pass).
    // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001) but is the supported way to opt
    // one client out of ConfigureHttpClientDefaults.
#pragma warning disable EXTEXP0001
    private static IHttpClientBuilder UseGrpcTransport(this IHttpClientBuilder client) =>
        client.RemoveAllResilienceHandlers()
            // The HTTP client's request logs (Information) say per call what the gRPC span already says,
            // and their scopes cost every call even with the level at Warning.
            .RemoveAllLoggers()
            // One HTTP/2 connection serialises every concurrent call on its lock; more connections open
            // as streams pile up.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { EnableMultipleHttp2Connections = true });
#pragma warning restore EXTEXP0001
}
