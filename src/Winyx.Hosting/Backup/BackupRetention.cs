namespace Winyx.Hosting.Backup;

/// <summary>Keeps the newest N backups of a directory and deletes the rest.</summary>
public static class BackupRetention
{
    /// <summary>
    /// Deletes all but the newest <paramref name="keep"/> files matching <paramref name="pattern"/>
    /// (names carry a sortable UTC timestamp, so newest = greatest name). Returns the deleted paths.
    /// </summary>
    public static IReadOnlyList<string> Prune(string directory, string pattern, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var expired = Directory.GetFiles(directory, pattern)
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var path in expired)
        {
            File.Delete(path);
        }

        return expired;
    }
}
