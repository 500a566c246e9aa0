using Winyx.Hosting.Redis;

namespace Winyx.Hosting.Tests;

public sealed class AddRedisTests
{
    [Fact]
    public void AddLocalRedisAddsAnUnproxiedTcpEndpointOnTheGivenPort()
    {
        using var model = TestModel.Create();

        var redis = model.Builder.AddLocalRedis("redis", port: 16379);

        Assert.Equal("redis-server", redis.Resource.Command);
        var endpoint = Assert.Single(redis.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal("tcp", endpoint.Name);
        Assert.Equal(16379, endpoint.Port);
        Assert.Equal(16379, endpoint.TargetPort);
        Assert.False(endpoint.IsProxied);
        Assert.Equal(Path.Combine(model.DataDirectory, "redis"), redis.Resource.DataDirectory);
    }

    [Fact]
    public async Task AddLocalRedisPassesTheConfigFileFirstThenPortAndMaxMemory()
    {
        using var model = TestModel.Create();
        var redis = model.Builder.AddLocalRedis("redis", port: 16379);

        var args = await TestModel.ArgumentsAsync(redis.Resource);

        Assert.Equal(
            [Path.Combine(model.DataDirectory, "redis", "redis.conf"), "--port", "16379", "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
            args);
    }

    [Fact]
    public async Task WithMaxMemoryChangesTheLimitAndOptionallyThePolicy()
    {
        using var model = TestModel.Create();
        var cache = model.Builder.AddLocalRedis("cache", port: 16379).WithMaxMemory("128mb");
        var strict = model.Builder.AddLocalRedis("strict", port: 16380).WithMaxMemory("32mb", "noeviction");

        var cacheArgs = await TestModel.ArgumentsAsync(cache.Resource);
        var strictArgs = await TestModel.ArgumentsAsync(strict.Resource);

        Assert.Equal(["--maxmemory", "128mb", "--maxmemory-policy", "allkeys-lru"], cacheArgs[^4..]);
        Assert.Equal(["--maxmemory", "32mb", "--maxmemory-policy", "noeviction"], strictArgs[^4..]);
    }

    [Fact]
    public async Task AddLocalRedisKeepsThePasswordOffTheCommandLine()
    {
        using var model = TestModel.Create();
        var redis = model.Builder.AddLocalRedis("redis", port: 16379);
        var password = await redis.Resource.PasswordParameter.GetValueAsync(CancellationToken.None);

        var args = await TestModel.ArgumentsAsync(redis.Resource);
        var environment = await TestModel.EnvironmentAsync(redis.Resource);

        Assert.False(string.IsNullOrEmpty(password));
        Assert.DoesNotContain(args, a => a.Contains(password!, StringComparison.Ordinal));
        Assert.DoesNotContain(args, a => a.Contains("requirepass", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(environment.Values, v => v.Contains(password!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddLocalRedisHasAspiresRedisConnectionStringShape()
    {
        using var model = TestModel.Create();
        var redis = model.Builder.AddLocalRedis("redis", port: 16379);
        TestModel.Allocate(redis.Resource, "tcp", 16379);

        var connectionString = await TestModel.ConnectionStringAsync(redis.Resource);
        var password = await redis.Resource.PasswordParameter.GetValueAsync(CancellationToken.None);

        Assert.Equal("{redis.bindings.tcp.host}:{redis.bindings.tcp.port},password={redis-password.value}", redis.Resource.ConnectionStringExpression.ValueExpression);
        Assert.Equal($"127.0.0.1:16379,password={password}", connectionString);
        Assert.True(redis.Resource.PasswordParameter.Secret);
    }

    [Fact]
    public void AddLocalRedisAddsAHealthCheckThatIsRegistered()
    {
        using var model = TestModel.Create();

        var redis = model.Builder.AddLocalRedis("redis", port: 16379);

        Assert.Equal("redis_check", Assert.Single(redis.Resource.Annotations.OfType<HealthCheckAnnotation>()).Key);
        Assert.Contains("redis_check", model.HealthCheckRegistrations());
    }

    [Fact]
    public void AddRedisServerWithoutContainersReturnsTheLocalRedis()
    {
        using var model = TestModel.Create("Winyx:UseContainers=false");

        var redis = model.Builder.AddRedisServer("redis", port: 16379);

        var local = Assert.IsType<LocalRedisResource>(redis.Resource);
        Assert.Same(local, Assert.Single(model.Builder.Resources.OfType<LocalRedisResource>()));
        Assert.Empty(model.Builder.Resources.OfType<ContainerResource>());
        Assert.Equal(16379, Assert.Single(local.Annotations.OfType<EndpointAnnotation>()).Port);
    }
}
