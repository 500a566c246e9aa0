// The uncached GET's path with nothing of Winyx in it: the floor bench/request-path.sh reads goal (c) against.
//   GrpcHop server PORT             gRPC UserService.GetUser over h2c: one prepared primary-key read with
//                                   MySqlConnector (ConnectionStrings__userdb, as Aspire injects it; never on
//                                   the command line), no EF Core, no interceptors, no telemetry
//   GrpcHop front PORT UPSTREAM-URL GET /users/ID: one GetUser call with a deadline (as Winyx.Api makes it),
//                                   answered with the JSON of bench/MinimalEndpoint (404 for an unknown id)
// Both listen on 127.0.0.1 only and log nothing.
using Winyx.Bench.GrpcHop;

const string Usage = "usage: GrpcHop server PORT | GrpcHop front PORT UPSTREAM-URL";
if (args is not (["server", _] or ["front", _, _]))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var port = args[1];

if (!int.TryParse(port, out var portNumber) || portNumber is < 1 or > 65535)
{
    Console.Error.WriteLine($"GrpcHop: '{port}' is not a TCP port (1-65535)");
    return 2;
}

WebApplication app;
if (args[0] == "server")
{
    if (Environment.GetEnvironmentVariable("ConnectionStrings__userdb") is not { Length: > 0 } connectionString)
    {
        Console.Error.WriteLine("GrpcHop: ConnectionStrings__userdb is not set");
        return 2;
    }

    app = HopServer.Build(portNumber, connectionString);
}
else if (Uri.TryCreate(args[2], UriKind.Absolute, out var upstream) && upstream.Scheme == Uri.UriSchemeHttp)
{
    app = HopFront.Build(portNumber, upstream);
}
else
{
    Console.Error.WriteLine($"GrpcHop: '{args[2]}' is not an http:// URL");
    return 2;
}

await app.RunAsync();
return 0;
