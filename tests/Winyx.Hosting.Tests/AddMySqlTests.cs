using System.Net.Sockets;
using Winyx.Hosting.MySql;

namespace Winyx.Hosting.Tests;

public sealed class AddMySqlTests
{
    [Fact]
    public void AddMySqlAddsAnUnproxiedTcpEndpointOnTheGivenPort()
    {
        using var model = TestModel.Create();

        var mysql = model.Builder.AddMySql("mysql", port: 13306);

        var resource = Assert.Single(model.Builder.Resources.OfType<MySqlServerResource>());
        Assert.Same(mysql.Resource, resource);
        Assert.Equal("mariadbd", resource.Command);
        var endpoint = Assert.Single(resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal("tcp", endpoint.Name);
        Assert.Equal("tcp", endpoint.UriScheme);
        Assert.Equal(ProtocolType.Tcp, endpoint.Protocol);
        Assert.Equal(13306, endpoint.Port);
        Assert.Equal(13306, endpoint.TargetPort);
        Assert.False(endpoint.IsProxied);
    }

    [Fact]
    public void AddMySqlKeepsItsDataInANamedDirectoryUnderTheDataRoot()
    {
        using var model = TestModel.Create();

        var mysql = model.Builder.AddMySql("mysql", port: 13306);

        Assert.Equal(Path.Combine(model.DataDirectory, "mysql"), mysql.Resource.DataDirectory);
        Assert.Equal(mysql.Resource.DataDirectory, mysql.Resource.WorkingDirectory);
        Assert.True(Directory.Exists(mysql.Resource.DataDirectory));
    }

    [Fact]
    public async Task AddMySqlStartsMariaDbWithoutDefaultsOnLoopbackInUtf8mb4()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);

        var args = await TestModel.ArgumentsAsync(mysql.Resource);

        Assert.Equal("--no-defaults", args[0]);
        Assert.Contains("--bind-address=127.0.0.1", args);
        Assert.Contains($"--datadir={mysql.Resource.DataDirectory}", args);
        Assert.Contains("--character-set-server=utf8mb4", args);
        Assert.Contains("--collation-server=utf8mb4_unicode_ci", args);
        Assert.Contains("--skip-name-resolve", args);
        Assert.Equal("--port=13306", args[^1]);
        Assert.Single(args, a => a.StartsWith("--port", StringComparison.Ordinal));
        Assert.Single(args, a => a.StartsWith("--socket=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddMySqlUsesTheApplicationUserNeverRoot()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);
        TestModel.Allocate(mysql.Resource, "tcp", 13306);

        var expression = mysql.Resource.ConnectionStringExpression.ValueExpression;
        var connectionString = await TestModel.ConnectionStringAsync(mysql.Resource);
        var password = await mysql.Resource.PasswordParameter.GetValueAsync(CancellationToken.None);

        Assert.Equal("Server={mysql.bindings.tcp.host};Port={mysql.bindings.tcp.port};User ID=winyx;Password={mysql-password.value}", expression);
        Assert.Equal($"Server=127.0.0.1;Port=13306;User ID=winyx;Password={password}", connectionString);
        Assert.DoesNotContain("root", expression, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root", connectionString, StringComparison.OrdinalIgnoreCase);
        var rootPassword = await mysql.Resource.RootPasswordParameter.GetValueAsync(CancellationToken.None);
        Assert.DoesNotContain(rootPassword!, connectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMySqlGeneratesThreeDistinctSecretParameters()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);

        ParameterResource[] parameters = [mysql.Resource.RootPasswordParameter, mysql.Resource.PasswordParameter, mysql.Resource.ExporterPasswordParameter];

        Assert.Equal(["mysql-root-password", "mysql-password", "mysql-exporter-password"], parameters.Select(p => p.Name));
        Assert.All(parameters, p => Assert.True(p.Secret));
        Assert.All(parameters, p => Assert.Contains(p, model.Builder.Resources));
        var values = await Task.WhenAll(parameters.Select(p => p.GetValueAsync(CancellationToken.None).AsTask()));
        Assert.All(values, v => Assert.Equal(32, v!.Length));
        Assert.Equal(3, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AddMySqlAddsAHealthCheckThatIsRegistered()
    {
        using var model = TestModel.Create();

        var mysql = model.Builder.AddMySql("mysql", port: 13306);

        var annotation = Assert.Single(mysql.Resource.Annotations.OfType<HealthCheckAnnotation>());
        Assert.Equal("mysql_check", annotation.Key);
        Assert.Contains("mysql_check", model.HealthCheckRegistrations());
    }

    [Fact]
    public void AddDatabaseIsAChildOfTheServer()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);

        var userdb = mysql.AddDatabase("userdb", "users");

        Assert.Same(mysql.Resource, userdb.Resource.Parent);
        Assert.Equal("users", userdb.Resource.DatabaseName);
        Assert.Equal([userdb.Resource], mysql.Resource.Databases);
        var relationship = Assert.Single(userdb.Resource.Annotations.OfType<ResourceRelationshipAnnotation>());
        Assert.Same(mysql.Resource, relationship.Resource);
        Assert.Equal("Parent", relationship.Type);
        Assert.Equal("userdb_check", Assert.Single(userdb.Resource.Annotations.OfType<HealthCheckAnnotation>()).Key);
        Assert.Contains("userdb_check", model.HealthCheckRegistrations());
    }

    [Fact]
    public async Task AddDatabaseAppendsTheDatabaseToTheServersConnectionString()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);
        var userdb = mysql.AddDatabase("userdb");
        TestModel.Allocate(mysql.Resource, "tcp", 13306);

        var serverConnectionString = await TestModel.ConnectionStringAsync(mysql.Resource);
        var databaseConnectionString = await TestModel.ConnectionStringAsync(userdb.Resource);

        Assert.Equal("{mysql.connectionString};Database=userdb", userdb.Resource.ConnectionStringExpression.ValueExpression);
        Assert.Equal(serverConnectionString + ";Database=userdb", databaseConnectionString);
        Assert.Contains("User ID=winyx", databaseConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDatabaseStartsNotStartedWithItsOwnSnapshot()
    {
        using var model = TestModel.Create();

        var userdb = model.Builder.AddMySql("mysql", port: 13306).AddDatabase("userdb", "users");

        var snapshot = Assert.Single(userdb.Resource.Annotations.OfType<ResourceSnapshotAnnotation>()).InitialSnapshot;
        Assert.Equal("MySqlDatabase", snapshot.ResourceType);
        Assert.Equal(KnownResourceStates.NotStarted, snapshot.State?.Text);
        Assert.Contains(snapshot.Properties, p => p.Name == "mysql.database" && Equals(p.Value, "users"));
    }

    [Fact]
    public void WaitForADatabaseWaitsForTheDatabaseAndItsServer()
    {
        using var model = TestModel.Create();
        var mysql = model.Builder.AddMySql("mysql", port: 13306);
        var userdb = mysql.AddDatabase("userdb");

        var service = model.Builder.AddExecutable("userrpc", "true", ".").WaitFor(userdb);

        Assert.IsAssignableFrom<IResourceWithWaitSupport>(userdb.Resource);
        var waits = service.Resource.Annotations.OfType<WaitAnnotation>().ToArray();
        Assert.Contains(waits, w => w.Resource == userdb.Resource && w.WaitType == WaitType.WaitUntilHealthy);
        Assert.Contains(waits, w => w.Resource == mysql.Resource);
    }

    [Fact]
    public void ADatabaseCanItselfWaitForAnotherResource()
    {
        using var model = TestModel.Create();
        var userdb = model.Builder.AddMySql("mysql", port: 13306).AddDatabase("userdb");
        var other = model.Builder.AddExecutable("migrator", "true", ".");

        userdb.WaitFor(other);

        Assert.Contains(userdb.Resource.Annotations.OfType<WaitAnnotation>(), w => w.Resource == other.Resource);
    }
}
