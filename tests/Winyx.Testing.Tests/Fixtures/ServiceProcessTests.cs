using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class ServiceProcessTests
{
    [Fact]
    public async Task StartsAnHttpServerAndReturnsOnceItsHealthPathAnswers()
    {
        // node exporter stands in for a built Winyx service: a real HTTP server we did not write.
        var port = PortAllocator.GetFreePort();
        await using var service = await ServiceProcess.StartAsync(new ServiceProcessOptions("prometheus-node-exporter", port)
        {
            Arguments = [$"--web.listen-address=127.0.0.1:{port}", "--collector.disable-defaults", "--collector.loadavg"],
            HealthPath = "/metrics",
        });
        using var client = service.CreateHttpClient();

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), service.BaseAddress);
        Assert.Contains("node_load1", metrics, StringComparison.Ordinal);
        Assert.Contains(service.LogLines, line => line.Contains("Listening on", StringComparison.Ordinal));
        // A SIGTERM'd Go program without a handler exits 128 + 15: stopped by the signal, not killed.
        Assert.Equal(128 + 15, await service.StopAsync());
    }

    [Fact]
    public async Task AServiceThatNeverAnswersFailsWithItsLogTail()
    {
        var options = new ServiceProcessOptions("sh", PortAllocator.GetFreePort())
        {
            Arguments = ["-c", "echo 'booting the flux capacitor'; exec sleep 300"],
            StartTimeout = TimeSpan.FromSeconds(2),
        };

        var error = await Assert.ThrowsAsync<LocalServerStartException>(() => ServiceProcess.StartAsync(options));

        Assert.Contains("did not answer GET /alive", error.Message, StringComparison.Ordinal);
        Assert.Contains("booting the flux capacitor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceThatExitsBeforeAnsweringFailsWithItsExitCode()
    {
        var options = new ServiceProcessOptions("sh", PortAllocator.GetFreePort())
        {
            Arguments = ["-c", "echo 'missing ConnectionStrings__userdb' >&2; exit 7"],
        };

        var error = await Assert.ThrowsAsync<LocalServerStartException>(() => ServiceProcess.StartAsync(options));

        Assert.Contains("exited with code 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing ConnectionStrings__userdb", error.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectThatWasNotBuiltNamesTheBuildCommand()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => ServiceProcess.StartProjectAsync("Winyx.NoSuchProject"));

        Assert.Contains($"dotnet build src/Winyx.NoSuchProject -c {RepoLayout.Configuration}", error.Message, StringComparison.Ordinal);
    }
}
