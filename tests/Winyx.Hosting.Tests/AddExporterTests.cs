using Winyx.Hosting.Exporters;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;

namespace Winyx.Hosting.Tests;

public sealed class AddExporterTests
{
    [Fact]
    public void ExportersAreScrapedUnderTheSeedsJobNames()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);
        var redis = model.Builder.AddLocalRedis("redis", port: 16379);

        var node = model.Builder.AddNodeExporter("node-exporter", port: 19100);
        var mysqlExporter = model.Builder.AddMySqlExporter("mysql-exporter", mysql, port: 19104);
        var redisExporter = model.Builder.AddRedisExporter("redis-exporter", redis, port: 19121);

        Assert.Equal(new MetricsEndpointAnnotation("node", "http", "/metrics"), Assert.Single(node.Resource.Annotations.OfType<MetricsEndpointAnnotation>()));
        Assert.Equal(new MetricsEndpointAnnotation("mysql", "http", "/metrics"), Assert.Single(mysqlExporter.Resource.Annotations.OfType<MetricsEndpointAnnotation>()));
        Assert.Equal(new MetricsEndpointAnnotation("redis", "http", "/metrics"), Assert.Single(redisExporter.Resource.Annotations.OfType<MetricsEndpointAnnotation>()));
        IResource[] exporters = [node.Resource, mysqlExporter.Resource, redisExporter.Resource];
        Assert.All(exporters, e =>
        {
            var endpoint = Assert.Single(e.Annotations.OfType<EndpointAnnotation>());
            Assert.Equal("http", endpoint.Name);
            Assert.False(endpoint.IsProxied);
            Assert.Single(e.Annotations.OfType<HealthCheckAnnotation>());
        });
    }

    [Fact]
    public async Task NodeExporterListensOnLoopbackWithoutTheSystemdCollector()
    {
        using var model = TestModel.Create();
        var node = model.Builder.AddNodeExporter("node-exporter", port: 19100);

        var args = await TestModel.ArgumentsAsync(node.Resource);

        Assert.Equal(["--web.listen-address=127.0.0.1:19100", "--no-collector.systemd"], args);
    }

    [Fact]
    public async Task WithTextfileDirectoryExportsTheDataDirectorysTextfiles()
    {
        using var model = TestModel.Create();
        var node = model.Builder.AddNodeExporter("node-exporter", port: 19100).WithTextfileDirectory();

        var args = await TestModel.ArgumentsAsync(node.Resource);

        var textfiles = Path.Combine(model.DataDirectory, "textfiles");
        Assert.True(Directory.Exists(textfiles));
        Assert.Contains($"--collector.textfile.directory={textfiles}", args);
    }

    [Fact]
    public async Task MySqlExporterConnectsAsTheExporterUserNeverRoot()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);
        var exporter = model.Builder.AddMySqlExporter("mysql-exporter", mysql, port: 19104);
        TestModel.Allocate(mysql.Resource, "tcp", 13306);

        var args = await TestModel.ArgumentsAsync(exporter.Resource);
        var environment = await TestModel.EnvironmentAsync(exporter.Resource);
        var password = await mysql.Resource.ExporterPasswordParameter.GetValueAsync(CancellationToken.None);

        Assert.Contains("--web.listen-address=127.0.0.1:19104", args);
        Assert.Equal($"exporter:{password}@tcp(127.0.0.1:13306)/", environment["DATA_SOURCE_NAME"]);
        Assert.Same(mysql.Resource, exporter.Resource.Server);
    }

    [Fact]
    public async Task RedisExporterGetsThePasswordInItsEnvironment()
    {
        using var model = TestModel.Create();
        var redis = model.Builder.AddLocalRedis("redis", port: 16379);
        var exporter = model.Builder.AddRedisExporter("redis-exporter", redis, port: 19121);
        TestModel.Allocate(redis.Resource, "tcp", 16379);

        var args = await TestModel.ArgumentsAsync(exporter.Resource);
        var environment = await TestModel.EnvironmentAsync(exporter.Resource);
        var password = await redis.Resource.PasswordParameter.GetValueAsync(CancellationToken.None);

        Assert.Equal(["-web.listen-address=127.0.0.1:19121", "-redis.addr=redis://127.0.0.1:16379"], args);
        Assert.Equal(password, environment["REDIS_PASSWORD"]);
        Assert.DoesNotContain(args, a => a.Contains(password!, StringComparison.Ordinal));
    }

    [Fact]
    public void ExportersWaitForAndReferenceWhatTheyWatch()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);
        var redis = model.Builder.AddLocalRedis("redis", port: 16379);

        var mysqlExporter = model.Builder.AddMySqlExporter("mysql-exporter", mysql, port: 19104);
        var redisExporter = model.Builder.AddRedisExporter("redis-exporter", redis, port: 19121);

        Assert.Contains(mysqlExporter.Resource.Annotations.OfType<WaitAnnotation>(), w => w.Resource == mysql.Resource && w.WaitType == WaitType.WaitUntilHealthy);
        Assert.Contains(redisExporter.Resource.Annotations.OfType<WaitAnnotation>(), w => w.Resource == redis.Resource && w.WaitType == WaitType.WaitUntilHealthy);
        Assert.Contains(mysqlExporter.Resource.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == mysql.Resource && r.Type == "Reference");
        Assert.Contains(redisExporter.Resource.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == redis.Resource && r.Type == "Reference");
    }

    [Fact]
    public void RedisExporterRejectsAResourceThatIsNotRedis()
    {
        using var model = TestModel.Create();
        var userdb = model.Builder.AddMySql("mysql", port: 13306).AddDatabase("userdb");

        var ex = Assert.Throws<DistributedApplicationException>(() =>
            model.Builder.AddRedisExporter("redis-exporter", model.Builder.CreateResourceBuilder<IResourceWithConnectionString>(userdb.Resource), port: 19121));

        Assert.Contains("'userdb'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(model.Builder.Resources, r => r.Name == "redis-exporter");
    }
}
