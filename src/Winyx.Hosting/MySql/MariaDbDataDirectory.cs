using System.Security.Cryptography;
using System.Text;
using Winyx.Hosting.Executables;

namespace Winyx.Hosting.MySql;

/// <summary>
/// Creates MariaDB data directories with <c>mariadb-install-db</c>, optionally through a cached
/// pristine template (initialising takes ~1.5 s; copying the 26 MB template takes a fraction).
/// </summary>
public static class MariaDbDataDirectory
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(2);

    /// <summary>True when <paramref name="dataDirectory"/> already holds a MariaDB system schema.</summary>
    public static bool IsInitialized(string dataDirectory) =>
        Directory.Exists(Path.Combine(dataDirectory, "mysql"));

    /// <summary>
    /// Initialises <paramref name="dataDirectory"/> unless it already is: from a template under
    /// <paramref name="templateCacheDirectory"/> when given (building the template first if
    /// needed), else by running <paramref name="installExecutable"/> on it directly.
    /// </summary>
    public static async Task EnsureInitializedAsync(
        string dataDirectory,
        string installExecutable,
        string serverExecutable,
        string? templateCacheDirectory,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        if (IsInitialized(dataDirectory))
        {
            return;
        }

        if (templateCacheDirectory is null)
        {
            await InstallAsync(installExecutable, dataDirectory, cancellationToken).ConfigureAwait(false);
            return;
        }

        var template = await EnsureTemplateAsync(templateCacheDirectory, installExecutable, serverExecutable, cancellationToken).ConfigureAwait(false);
        CopyDirectory(template, dataDirectory);
    }

    /// <summary>Runs <c>mariadb-install-db</c> on <paramref name="dataDirectory"/>.</summary>
    public static async Task InstallAsync(string installExecutable, string dataDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(dataDirectory);
        // The bootstrap's temporary tables go to a directory of its own: in the shared /tmp, concurrent
        // installs (parallel test processes) once failed deleting one ("Error on delete of '/tmp/#sql-temptable-…'").
        var scratch = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory)) + ".install-tmp";
        Directory.CreateDirectory(scratch);
        try
        {
            await OneShotCommand.RunAsync(installExecutable, MariaDbArguments.Install(dataDirectory, scratch), InstallTimeout, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<string> EnsureTemplateAsync(string cacheDirectory, string installExecutable, string serverExecutable, CancellationToken cancellationToken)
    {
        var template = Path.Combine(cacheDirectory, $"mariadb-{BuildStamp(serverExecutable)}");
        if (IsInitialized(template))
        {
            return template;
        }

        // Build beside the final name and rename: concurrent builders (parallel test processes)
        // each make their own, the first rename wins, and nobody ever sees a half-made template.
        var staging = $"{template}.tmp-{Guid.NewGuid():N}";
        await InstallAsync(installExecutable, staging, cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.Move(staging, template);
        }
        catch (IOException) when (IsInitialized(template))
        {
            Directory.Delete(staging, recursive: true);
        }

        return template;
    }

    // A template is only valid for the server build that made it: key it by the binary's identity.
    private static string BuildStamp(string serverExecutable)
    {
        var path = ExecutableLocator.Require(serverExecutable, InstallHints.ForPackage("mariadb-server"));
        var info = new FileInfo(path);
        var identity = $"{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}
