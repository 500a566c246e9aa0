using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Winyx.Backup.Configuration;
using Winyx.Backup.Dumping;
using Winyx.Backup.Extensions;
using Winyx.Backup.Jobs;
using Winyx.Testing;

namespace Winyx.Backup.Tests;

/// <summary>The settings <c>AddBackupJob()</c> reads, their defaults, and the start-up checks naming a bad value.</summary>
public sealed class ConfigurationTests
{
    private const string ConnectionString = "Server=db.example;Port=3307;User ID=backup;Password=s3cret-pass;Database=userdb";

    [Fact]
    public void DefaultsApplyAndRelativeDirectoriesResolveAgainstTheContentRoot()
    {
        var contentRoot = TestDirectories.Create("backup-content");
        using var host = Build(new() { ["Backup:Directory"] = "backups", ["Backup:TextfileDirectory"] = "/var/lib/node-exporter" }, contentRoot);

        var options = host.Services.GetRequiredService<IOptions<BackupOptions>>().Value;

        TestDirectories.Delete(contentRoot);
        Assert.Equal(Path.Combine(contentRoot, "backups"), options.Directory);
        Assert.Equal("/var/lib/node-exporter", options.TextfileDirectory);
        Assert.Equal(TimeSpan.FromHours(24), options.Interval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.VerifyInterval);
        Assert.Equal(7, options.Retain);
        Assert.Equal(256, options.MinimumSize);
        Assert.Equal("database", options.Type);
        Assert.Equal(Path.Combine(contentRoot, "backups"), host.Services.GetRequiredService<BackupRunner>().Catalog.Directory);
    }

    [Theory]
    [InlineData("Backup:Directory", "", "Backup:Directory is required")]
    [InlineData("Backup:TextfileDirectory", " ", "Backup:TextfileDirectory is required")]
    [InlineData("Backup:Interval", "00:00:00", "Backup:Interval must be positive (was '00:00:00')")]
    [InlineData("Backup:VerifyInterval", "-00:00:01", "Backup:VerifyInterval must be positive (was '-00:00:01')")]
    [InlineData("Backup:Retain", "0", "Backup:Retain must be at least 1 (was 0)")]
    [InlineData("Backup:MinimumSize", "-1", "Backup:MinimumSize must not be negative (was -1)")]
    [InlineData("Backup:Type", "", "Backup:Type must not be empty")]
    public void ABadBackupSettingIsNamed(string key, string value, string message)
    {
        using var host = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<BackupOptions>>().Value);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableIntervalIsNamed()
    {
        using var host = Build(new() { ["Backup:Interval"] = "24 hours" });

        var failure = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<BackupOptions>>().Value);

        Assert.Contains("'Backup:Interval'", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ConnectionStrings:userdb is missing")]
    [InlineData("Server=db;User ID=backup;Password=s3cret-pass", "ConnectionStrings:userdb names no Database")]
    [InlineData("Server=db;Password=s3cret-pass;Database=userdb", "ConnectionStrings:userdb names no User ID")]
    [InlineData("Server=db;Password=s3cret-pass;Colour=blue", "ConnectionStrings:userdb is malformed")]
    public void ABadConnectionStringIsNamedWithoutItsPassword(string? connectionString, string message)
    {
        using var host = Build(new() { ["ConnectionStrings:userdb"] = connectionString });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<UserDbOptions>>().Value);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConnectionStringGivesTheDumpTargetAndItsTextHidesThePassword()
    {
        var target = DumpTarget.Parse(ConnectionString);

        Assert.Equal(("db.example", 3307u, "backup", "s3cret-pass", "userdb"), (target.Host, target.Port, target.User, target.Password, target.Database));
        Assert.Equal("backup@db.example:3307/userdb", target.ToString());
        Assert.False(target.IsSocket);
        Assert.True(DumpTarget.Parse("Server=/run/mysqld/mysqld.sock;User ID=backup;Database=userdb").IsSocket);
    }

    private static IHost Build(Dictionary<string, string?> settings, string? contentRoot = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = contentRoot ?? Path.GetTempPath(),
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:userdb"] = ConnectionString,
            ["Backup:Directory"] = "/tmp/backups",
            ["Backup:TextfileDirectory"] = "/tmp/textfile",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddBackupJob();
        return builder.Build();
    }
}
