namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>
/// Executable shell scripts standing in for <c>mariadb-dump</c>'s path, to observe how the runner
/// starts it (arguments, overlap, kill). Most of them still run the real dump.
/// </summary>
public static class DumpWrapper
{
    /// <summary>Writes <paramref name="body"/> as an executable <c>/bin/sh</c> script in <paramref name="directory"/>.</summary>
    public static string Create(string directory, string name, string body)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
