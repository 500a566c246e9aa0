using Microsoft.AspNetCore.Server.Kestrel.Core;
using MySqlConnector;

namespace Winyx.Bench.GrpcHop;

/// <summary>The gRPC end: Kestrel h2c, Grpc.AspNetCore and a MySqlConnector data source, nothing else.</summary>
internal static class HopServer
{
    public static WebApplication Build(int port, string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        // Without a session reset on every pooled open, as Winyx.UserRpc's UserDbConnectionString does: the
        // reset costs a round trip and drops the prepared statement (bench/RESULTS.md, third pass).
        var tuned = new MySqlConnectionStringBuilder(connectionString) { ConnectionReset = false };
        builder.Services.AddSingleton(new MySqlDataSource(tuned.ConnectionString));
        var app = builder.Build();
        app.MapGrpcService<HopUserService>();
        return app;
    }
}
