using System.Text;
using Winyx.Hosting.Executables;
using Winyx.Hosting.MySql;

namespace Winyx.Hosting.Tests;

public sealed class MariaDbArgumentsTests
{
    [Fact]
    public void SocketPathIsInTheDataDirectoryWhenItFits()
    {
        Assert.Equal("/tmp/winyx/mysql/mysqld.sock", MariaDbArguments.SocketPath("/tmp/winyx/mysql"));
    }

    [Fact]
    public void SocketPathFallsBackToAShortHashedPathForALongDataDirectory()
    {
        var longDirectory = "/tmp/" + new string('d', 120);
        var otherLongDirectory = "/tmp/" + new string('e', 120);

        var socket = MariaDbArguments.SocketPath(longDirectory);

        Assert.Equal(Path.GetTempPath(), Path.GetDirectoryName(socket) + Path.DirectorySeparatorChar);
        Assert.Matches("^winyx-mysqld-[0-9a-f]{12}\\.sock$", Path.GetFileName(socket));
        Assert.True(Encoding.UTF8.GetByteCount(socket) <= 100);
        Assert.Equal(socket, MariaDbArguments.SocketPath(longDirectory));
        Assert.NotEqual(socket, MariaDbArguments.SocketPath(otherLongDirectory));
    }

    [Fact]
    public void SocketPathCountsBytesNotCharacters()
    {
        // 60 two-byte characters: 60 chars short, 120 bytes long.
        var directory = "/tmp/" + new string('é', 60);

        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "winyx-mysqld-"), MariaDbArguments.SocketPath(directory), StringComparison.Ordinal);
    }

    [Fact]
    public void ServerArgumentsStartWithNoDefaultsAndSwitchUsersOnlyAsRoot()
    {
        var args = MariaDbArguments.Server("/data/mysql", "/data/mysql/mysqld.sock");

        Assert.Equal("--no-defaults", args[0]);
        Assert.Equal(UnixUser.IsRoot, args.Contains("--user=root"));
        Assert.Contains("--socket=/data/mysql/mysqld.sock", args);
        Assert.Contains("--pid-file=/data/mysql/mariadbd.pid", args);
        Assert.DoesNotContain(args, a => a.StartsWith("--port", StringComparison.Ordinal));
        Assert.DoesNotContain(args, a => a.StartsWith("--log-error", StringComparison.Ordinal));
    }

    [Fact]
    public void ServerArgumentsLogErrorsToAnAbsolutePath()
    {
        var args = MariaDbArguments.Server("/data/mysql", "/data/mysql/mysqld.sock", "logs/mariadb.err");

        Assert.Equal($"--log-error={Path.GetFullPath("logs/mariadb.err")}", args[^1]);
    }

    [Fact]
    public void InstallArgumentsUsePasswordAuthenticationAndTheServersRedoLogSize()
    {
        var install = MariaDbArguments.Install("/data/mysql");
        var server = MariaDbArguments.Server("/data/mysql", "/data/mysql/mysqld.sock");

        Assert.Equal("--no-defaults", install[0]);
        Assert.Contains("--datadir=/data/mysql", install);
        Assert.Contains("--auth-root-authentication-method=normal", install);
        Assert.Contains("--skip-test-db", install);
        Assert.DoesNotContain(install, a => a.StartsWith("--tmpdir=", StringComparison.Ordinal));
        Assert.Contains("--tmpdir=/data/mysql.install-tmp", MariaDbArguments.Install("/data/mysql", "/data/mysql.install-tmp"));
        Assert.Equal(install.Single(a => a.StartsWith("--innodb-log-file-size=", StringComparison.Ordinal)), server.Single(a => a.StartsWith("--innodb-log-file-size=", StringComparison.Ordinal)));
    }
}
