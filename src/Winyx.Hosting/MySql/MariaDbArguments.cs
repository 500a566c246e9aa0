using System.Security.Cryptography;
using System.Text;
using Winyx.Hosting.Executables;

namespace Winyx.Hosting.MySql;

/// <summary>
/// The command lines of <c>mariadb-install-db</c> and <c>mariadbd</c> for a private data directory
/// on loopback: one spelling for the Aspire resource and the test fixtures.
/// </summary>
public static class MariaDbArguments
{
    // sun_path holds 108 bytes including the terminator; mariadbd refuses longer socket paths.
    private const int MaxSocketPathBytes = 100;

    /// <summary>The Unix socket: in the data directory unless that path is too long for a socket.</summary>
    public static string SocketPath(string dataDirectory)
    {
        var inDataDirectory = Path.Combine(dataDirectory, "mysqld.sock");
        if (Encoding.UTF8.GetByteCount(inDataDirectory) <= MaxSocketPathBytes)
        {
            return inDataDirectory;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        return Path.Combine(Path.GetTempPath(), $"winyx-mysqld-{hash}.sock");
    }

    /// <summary>
    /// <c>mariadb-install-db</c> for <paramref name="dataDirectory"/> (root by password, no test database, a small
    /// redo log), with its temporary tables in <paramref name="tmpDirectory"/> when given rather than the shared /tmp.
    /// </summary>
    public static IReadOnlyList<string> Install(string dataDirectory, string? tmpDirectory = null) =>
    [
        .. Prelude(),
        $"--datadir={dataDirectory}",
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        "--innodb-log-file-size=8M",
        .. tmpDirectory is null ? Array.Empty<string>() : [$"--tmpdir={tmpDirectory}"],
    ];

    /// <summary>
    /// <c>mariadbd</c> on 127.0.0.1 over <paramref name="dataDirectory"/>, utf8mb4 by default; the
    /// caller adds <c>--port=N</c> (a number for a fixture, an endpoint reference for Aspire).
    /// </summary>
    public static IReadOnlyList<string> Server(string dataDirectory, string socketPath, string? errorLogPath = null)
    {
        List<string> arguments =
        [
            .. Prelude(),
            $"--datadir={dataDirectory}",
            "--bind-address=127.0.0.1",
            $"--socket={socketPath}",
            $"--pid-file={Path.Combine(dataDirectory, "mariadbd.pid")}",
            "--skip-name-resolve",
            // The size mariadb-install-db created the redo log with: without it the first start
            // rewrites the log to the 96 MB default, which is most of a fresh server's start time.
            "--innodb-log-file-size=8M",
            // Without these the server defaults to latin1.
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci",
        ];
        if (errorLogPath is not null)
        {
            arguments.Add($"--log-error={Path.GetFullPath(errorLogPath)}");
        }

        return arguments;
    }

    // --no-defaults must come first: it keeps /etc/mysql/*.cnf (the Debian service's settings) out.
    // Only root may switch users; as anyone else the files simply belong to the caller.
    private static IEnumerable<string> Prelude() => UnixUser.IsRoot ? ["--no-defaults", "--user=root"] : ["--no-defaults"];
}
