using Winyx.Backup.Storage;
using Winyx.Testing;

namespace Winyx.Backup.Tests;

/// <summary>Backup names, listing and retention in the backup directory.</summary>
public sealed class BackupCatalogTests : IDisposable
{
    private readonly string _directory = TestDirectories.Create("backup-catalog");

    [Fact]
    public void NamesCarryTheUtcStartTime()
    {
        Assert.Equal("db_backup_20260101T030405Z.sql.gz", BackupCatalog.NameFor(new DateTimeOffset(2026, 1, 1, 12, 4, 5, TimeSpan.FromHours(9))));
    }

    [Fact]
    public async Task ListsFinishedBackupsNewestFirstWithTheirSizeAndStartTime()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "db_backup_20260101T000000Z.sql.gz"), "a");
        await File.WriteAllTextAsync(Path.Combine(_directory, "db_backup_20260102T000000Z.sql.gz"), "bbb");
        await File.WriteAllTextAsync(Path.Combine(_directory, ".db_backup_20260103T000000Z.sql.gz.partial"), "partial");
        await File.WriteAllTextAsync(Path.Combine(_directory, "backup.prom"), "not a backup");

        var backups = new BackupCatalog(_directory).List();

        Assert.Equal(
            [("db_backup_20260102T000000Z.sql.gz", 3L, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)), ("db_backup_20260101T000000Z.sql.gz", 1L, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))],
            backups.Select(b => (b.Name, b.SizeBytes, b.CreatedAt)));
    }

    [Fact]
    public void AMissingDirectoryHasNoBackups()
    {
        var catalog = new BackupCatalog(Path.Combine(_directory, "not-yet"));

        Assert.Empty(catalog.List());
        Assert.Empty(catalog.Prune(1));
    }

    [Fact]
    public async Task PruneKeepsTheNewest()
    {
        string[] names = ["db_backup_20260101T000000Z.sql.gz", "db_backup_20260103T000000Z.sql.gz", "db_backup_20260102T000000Z.sql.gz", "db_backup_20260104T000000Z.sql.gz"];
        foreach (var name in names)
        {
            await File.WriteAllTextAsync(Path.Combine(_directory, name), name);
        }

        var deleted = new BackupCatalog(_directory).Prune(2);

        Assert.Equal(["db_backup_20260101T000000Z.sql.gz", "db_backup_20260102T000000Z.sql.gz"], deleted.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["db_backup_20260103T000000Z.sql.gz", "db_backup_20260104T000000Z.sql.gz"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public void Dispose() => TestDirectories.Delete(_directory);
}
