using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing.Tests.Processes;

public sealed class ExecutableLocatorTests
{
    [Fact]
    public void FindsDaemonsInSbinEvenWhenPathLacksIt() =>
        Assert.Equal("/usr/sbin/mariadbd", ExecutableLocator.Find("mariadbd"));

    [Fact]
    public void AMissingBinaryIsNull() => Assert.Null(ExecutableLocator.Find("winyx-no-such-binary"));

    [Fact]
    public void KnownBinariesHaveTheirDebianInstallLine()
    {
        Assert.EndsWith("apt-get install -y mariadb-server", InstallHints.For("mariadbd"), StringComparison.Ordinal);
        Assert.EndsWith("apt-get install -y prometheus-alertmanager", InstallHints.For("/usr/bin/prometheus-alertmanager"), StringComparison.Ordinal);
        Assert.Null(InstallHints.For("winyx-no-such-binary"));
    }
}
