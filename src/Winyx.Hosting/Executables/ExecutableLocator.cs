namespace Winyx.Hosting.Executables;

/// <summary>
/// Finds executables the way a shell would, plus the sbin directories: Debian installs daemons
/// such as <c>mariadbd</c> in <c>/usr/sbin</c>, which a non-root PATH usually lacks.
/// </summary>
public static class ExecutableLocator
{
    private static readonly string[] SbinDirectories = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

    /// <summary>
    /// The full path of <paramref name="name"/> (a bare name searched on PATH and the sbin
    /// directories, or a path checked as given), or null when it does not exist.
    /// </summary>
    public static string? Find(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutableFile(name) ? Path.GetFullPath(name) : null;
        }

        return SearchDirectories()
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(IsExecutableFile);
    }

    /// <summary>
    /// Like <see cref="Find"/>, but throws <see cref="MissingExecutableException"/> carrying the
    /// install hint (from <see cref="InstallHints"/> unless given) when it is absent.
    /// </summary>
    public static string Require(string name, string? installHint = null) =>
        Find(name) ?? throw new MissingExecutableException(name, installHint ?? InstallHints.For(name));

    private static IEnumerable<string> SearchDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SbinDirectories)
            .Distinct(StringComparer.Ordinal);
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
