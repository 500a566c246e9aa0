using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Tests.Infrastructure;

namespace Winyx.Hosting.Tests;

/// <summary>WithReference injects exactly the variables Aspire injects.</summary>
public sealed class WithReferenceTests
{
    [Fact]
    public async Task RedisReferenceInjectsConnectionStringsVariableInStackExchangeFormat()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var redis = builder.AddRedis("redis", port: 6379);
        var api = builder.AddExecutable("api", "true", ".").WithReference(redis);

        var env = await ResolveAsync(builder, api.Resource);

        var port = redis.Resource.PrimaryEndpoint.Port;
        Assert.Equal($"127.0.0.1:{port}", env["ConnectionStrings__redis"]);
    }

    [Fact]
    public async Task DatabaseReferenceInjectsMySqlConnectorConnectionStringWithTheDatabase()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var userdb = builder.AddMySql("mysql").AddDatabase("userdb");
        var userrpc = builder.AddExecutable("userrpc", "true", ".").WithReference(userdb);

        var env = await ResolveAsync(builder, userrpc.Resource);

        var connection = new MySqlConnector.MySqlConnectionStringBuilder(env["ConnectionStrings__userdb"]);
        Assert.Equal("127.0.0.1", connection.Server);
        Assert.Equal((uint)userdb.Resource.Parent.PrimaryEndpoint.Port, connection.Port);
        Assert.Equal("userdb", connection.Database);
        Assert.Equal("winyx", connection.UserID);
        Assert.Equal(userdb.Resource.Parent.Password.Value, connection.Password);
    }

    [Fact]
    public async Task ConnectionNameOverridesTheVariableName()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var redis = builder.AddRedis("redis");
        var api = builder.AddExecutable("api", "true", ".").WithReference(redis, connectionName: "cache");

        var env = await ResolveAsync(builder, api.Resource);

        Assert.True(env.ContainsKey("ConnectionStrings__cache"));
        Assert.False(env.ContainsKey("ConnectionStrings__redis"));
    }

    [Fact]
    public async Task ServiceReferenceInjectsServicesVariableForEveryHttpEndpoint()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var userrpc = builder.AddProject("userrpc", TestApps.FakeProject("UserRpc"))
            .WithHttpEndpoint(8080, transport: "http2")
            .WithHttpEndpoint(name: "management", env: "Management__Port");
        var api = builder.AddProject("api", TestApps.FakeProject("Api")).WithReference(userrpc);

        var env = await ResolveAsync(builder, api.Resource);

        Assert.Equal(userrpc.GetEndpoint("http").Url, env["services__userrpc__http__0"]);
        Assert.Equal(userrpc.GetEndpoint("management").Url, env["services__userrpc__management__0"]);
        Assert.StartsWith("http://127.0.0.1:", env["services__userrpc__http__0"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplicasAreListedUnderConsecutiveIndexes()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var api = builder.AddProject("api", TestApps.FakeProject("Api")).WithReplicas(2);
        var web = builder.AddProject("web", TestApps.FakeProject("Web")).WithReference(api);

        var env = await ResolveAsync(builder, web.Resource);

        var urls = api.Resource.FindEndpoint("http")!.Allocated.Select(a => a.Url).ToArray();
        Assert.Equal(2, urls.Distinct().Count());
        Assert.Equal(urls[0], env["services__api__http__0"]);
        Assert.Equal(urls[1], env["services__api__http__1"]);
    }

    [Fact]
    public async Task EndpointReferenceInjectsOnlyThatEndpoint()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var userrpc = builder.AddProject("userrpc", TestApps.FakeProject("UserRpc")).WithHttpEndpoint(name: "management", env: "Management__Port");
        var api = builder.AddExecutable("api", "true", ".").WithReference(userrpc.GetEndpoint("management"));

        var env = await ResolveAsync(builder, api.Resource);

        Assert.True(env.ContainsKey("services__userrpc__management__0"));
        Assert.False(env.ContainsKey("services__userrpc__http__0"));
    }

    internal static Task<Dictionary<string, string>> ResolveAsync(IDistributedApplicationBuilder builder, IResource resource) =>
        ResolveCoreAsync(builder, resource, isolated: true);

    internal static Task<Dictionary<string, string>> ResolveEnvironmentNotIsolatedAsync(IDistributedApplicationBuilder builder, IResource resource) =>
        ResolveCoreAsync(builder, resource, isolated: false);

    private static async Task<Dictionary<string, string>> ResolveCoreAsync(IDistributedApplicationBuilder builder, IResource resource, bool isolated, int replica = 0)
    {
        EndpointAllocator.Allocate(builder.Resources, isolated);
        var launch = new ResourceLaunchContext(resource, replica, builder.ExecutionContext, LaunchMode.Process, CancellationToken.None);
        return await LaunchSpecFactory.ResolveEnvironmentAsync(launch);
    }
}
