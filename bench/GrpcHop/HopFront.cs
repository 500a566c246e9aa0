using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http.HttpResults;
using Winyx.Contracts.Users.V1;

namespace Winyx.Bench.GrpcHop;

/// <summary>The HTTP end: a minimal API whose GET makes one gRPC call and answers with its user as JSON.</summary>
internal static class HopFront
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static WebApplication Build(int port, Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSingleton(GrpcChannel.ForAddress(upstream));
        builder.Services.AddSingleton(services => new UserService.UserServiceClient(services.GetRequiredService<GrpcChannel>()));
        var app = builder.Build();
        app.MapGet("/users/{id}", async Task<Results<Ok<UserProfile>, NotFound>> (long id, UserService.UserServiceClient users, CancellationToken ct) =>
        {
            try
            {
                var reply = await users.GetUserAsync(new GetUserRequest { Id = id }, deadline: DateTime.UtcNow + Deadline, cancellationToken: ct);
                var user = reply.User;
                return TypedResults.Ok(new UserProfile(user.Id, user.Name, user.Email,
                    user.CreatedAt.ToDateTimeOffset(), user.UpdatedAt.ToDateTimeOffset()));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return TypedResults.NotFound();
            }
        });
        return app;
    }
}
