using Grpc.Core;
using Winyx.Contracts.Users.V1;
using Winyx.Testing.Metrics;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;

namespace Winyx.UserRpc.Tests;

/// <summary>
/// <c>/metrics</c> moves by exactly what the calls imply. The collection runs its classes one
/// at a time, so nothing else calls the service between the two (fresh) scrapes.
/// </summary>
[Collection(UserRpcCollection.Name)]
public sealed class MetricsTests(UserRpcFixture fixture)
{
    private const string DbBucket = "database_query_duration_seconds_bucket";
    private const string DbCount = "database_query_duration_seconds_count";
    private const string CallCount = UserRpcService.CallCountMetric;
    private static readonly (string, string) InsertUsers = ("query_type", "insert");
    private static readonly (string, string) UsersTable = ("table", "users");

    private UserRpcService Service => fixture.Service;

    [Fact]
    public async Task RegistrationsCountOneInsertEachAndDuplicatesAsAlreadyExists()
    {
        var before = await Service.FreshScrapeAsync();
        var request = TestUsers.NewRegistration();
        await Service.Users.RegisterAsync(request);
        await Service.Users.RegisterAsync(TestUsers.NewRegistration());
        await RpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () => await Service.Users.RegisterAsync(request));

        // The duplicate reaches MySQL too: the unique index, not a prior SELECT, rejects it.
        var after = await Service.FreshScrapeAsync();
        Assert.Equal(3, Delta(before, after, DbBucket, InsertUsers, UsersTable, ("le", "+Inf")));
        Assert.Equal(3, Delta(before, after, DbCount, InsertUsers, UsersTable));
        Assert.Equal(2, Delta(before, after, CallCount, Register("OK")));
        Assert.Equal(1, Delta(before, after, CallCount, Register("AlreadyExists")));
    }

    [Fact]
    public async Task DatabaseHistogramUsesTheSeedBuckets()
    {
        await Service.Users.RegisterAsync();
        var metrics = await Service.FreshScrapeAsync();

        var bounds = metrics.Series(DbBucket, InsertUsers, UsersTable).Select(s => s["le"]).ToList();
        Assert.Equal(["0.001", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "+Inf"], bounds);
    }

    [Fact]
    public async Task ReadsAndUpdatesAreLabelledByQueryTypeAndMethod()
    {
        var user = await Service.Users.RegisterAsync();
        var before = await Service.FreshScrapeAsync();
        await Service.Users.GetUserAsync(new GetUserRequest { Id = user.Id });
        await Service.Users.GetUserAsync(new GetUserRequest { Id = user.Id });
        await RpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await Service.Users.GetUserAsync(new GetUserRequest { Id = long.MaxValue }));
        await Service.Users.UpdateProfileAsync(new UpdateProfileRequest { Id = user.Id, Name = "Renamed" });

        var after = await Service.FreshScrapeAsync();
        // Three GetUser lookups plus the UpdateProfile read; one UPDATE.
        Assert.Equal(4, Delta(before, after, DbCount, ("query_type", "select"), UsersTable));
        Assert.Equal(1, Delta(before, after, DbCount, ("query_type", "update"), UsersTable));
        Assert.Equal(2, Delta(before, after, CallCount, ("grpc_method", "GetUser"), ("grpc_status", "OK")));
        Assert.Equal(1, Delta(before, after, CallCount, ("grpc_method", "GetUser"), ("grpc_status", "NotFound")));
    }

    private static (string, string)[] Register(string status) => [("grpc_method", "Register"), ("grpc_status", status)];

    private static double Delta(PrometheusText before, PrometheusText after, string metric, params (string, string)[] labels) =>
        (after.Value(metric, labels) ?? 0) - (before.Value(metric, labels) ?? 0);
}
