using System.Globalization;

namespace Winyx.Backup.Storage;

/// <summary>
/// The backup directory: how backups are named, listed and pruned. Names carry a sortable UTC
/// timestamp, so newest means greatest name; partial files start with a dot, so they never match
/// <see cref="Pattern"/> and neither retention nor readers see them.
/// </summary>
public sealed class BackupCatalog
{
    /// <summary>The file pattern of finished backups.</summary>
    public const string Pattern = Prefix + "*" + Suffix;

    private const string Prefix = "db_backup_";
    private const string Suffix = ".sql.gz";
    private const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>A catalog of <paramref name="directory"/>.</summary>
    public BackupCatalog(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>The backup directory.</summary>
    public string Directory { get; }

    /// <summary>The name of a backup started at <paramref name="startedAt"/>: <c>db_backup_20260101T030000Z.sql.gz</c>.</summary>
    public static string NameFor(DateTimeOffset startedAt) =>
        Prefix + startedAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture) + Suffix;

    /// <summary>The full path of the backup named <paramref name="name"/>.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>Where the backup named <paramref name="name"/> is written until it is complete.</summary>
    public string PartialPathOf(string name) => System.IO.Path.Combine(Directory, $".{name}.partial");

    /// <summary>Every finished backup, newest first; none when the directory does not exist yet.</summary>
    public IReadOnlyList<BackupFile> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. new DirectoryInfo(Directory).EnumerateFiles(Pattern)
            .OrderByDescending(file => file.Name, StringComparer.Ordinal)
            .Select(file => new BackupFile(file.Name, file.FullName, file.Length, CreatedAt(file)))];
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups; returns the deleted paths.</summary>
    public IReadOnlyList<string> Prune(int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var expired = List().Skip(keep).Select(file => file.Path).ToList();
        foreach (var path in expired)
        {
            File.Delete(path);
        }

        return expired;
    }

    /// <summary>The UTC timestamp in a backup's name (<see cref="NameFor"/>), or null when it carries none.</summary>
    public static DateTimeOffset? CreatedAtOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > Prefix.Length + Suffix.Length
            && name.StartsWith(Prefix, StringComparison.Ordinal)
            && name.EndsWith(Suffix, StringComparison.Ordinal)
            && DateTimeOffset.TryParseExact(
                name[Prefix.Length..^Suffix.Length],
                TimestampFormat,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var createdAt)
            ? createdAt
            : null;
    }

    // A file renamed by hand may not carry a parsable timestamp: its modification time stands in.
    private static DateTimeOffset CreatedAt(FileInfo file) =>
        CreatedAtOf(file.Name) ?? new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
}
