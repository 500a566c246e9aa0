namespace Winyx.Testing;

/// <summary>
/// Throwaway directories under <c>$TMPDIR/winyx-tests</c>. Each fixture gets its own, removed
/// when it is disposed; ones left by killed test runs are swept once they are a day old.
/// </summary>
public static class TestDirectories
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);
    private static readonly Lazy<bool> Swept = new(SweepStale);

    /// <summary>The root of every test directory.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "winyx-tests");

    /// <summary>Where initialised-database templates are cached between runs.</summary>
    public static string TemplateCache => Path.Combine(Root, "templates");

    /// <summary>Creates a new, empty, uniquely named directory such as <c>mariadb-1a2b3c4d5e6f</c>.</summary>
    public static string Create(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        _ = Swept.Value;
        var path = Path.Combine(Root, $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes <paramref name="path"/> and everything in it; a missing directory is fine.</summary>
    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static bool SweepStale()
    {
        if (!Directory.Exists(Root))
        {
            return true;
        }

        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var directory in new DirectoryInfo(Root).EnumerateDirectories())
        {
            if (directory.Name != "templates" && directory.LastWriteTimeUtc < cutoff)
            {
                try
                {
                    directory.Delete(recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another run may be using it after all; it is only disk space.
                }
            }
        }

        return true;
    }
}
