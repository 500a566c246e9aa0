using System.Text.Json;
using Winyx.Testing;
using Winyx.Testing.Processes;

namespace Winyx.AppHost.Tests;

/// <summary>
/// The alert proof, end to end, as a person runs it: <c>Winyx.LoadTests alerts --isolated --out DIR</c>
/// starts its own time-compressed fleet from this AppHost, provokes every fault, and must exit 0 with
/// every catalog alert proven (or proven with a stated override), none failed, and its reports written.
/// </summary>
public sealed class AlertProofTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    // The proof's own budget is about 10 minutes on 2 cores; past this it is hung, not slow.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(20);

    private static readonly string[] CatalogAlerts =
    [
        "HighCPUUsage", "HighMemoryUsage", "HighDiskUsage", "HighErrorRate", "HighResponseTime", "RpcHighLatency",
        "FrontendSlowResponse", "Http5xxBurst", "HighErrorLogRate", "HighDatabaseConnections", "RedisHighMemory",
        "APIServiceDown", "UserRpcDown", "WebDown", "MySQLDown", "RedisDown", "BackupTooOld", "BackupTooSmall",
    ];

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"winyx-alert-proof-{Guid.NewGuid():N}");

    [Fact]
    public async Task AlertsCommandProvesEveryCatalogAlertAndWritesItsReports()
    {
        await using var proof = await ManagedProcess.StartAsync(new ManagedProcessOptions("dotnet")
        {
            Arguments = [RepoLayout.ProjectAssembly("Winyx.LoadTests"), "alerts", "--isolated", "--out", _output],
            WorkingDirectory = Path.Combine(RepoLayout.Root, "src", "Winyx.LoadTests"),
            StopTimeout = TimeSpan.FromSeconds(30),
            OutputCapacity = 2000,
        });

        var exitCode = await proof.Completion.WaitAsync(Budget);

        // The tail, where the proof says what failed; eng/print-failures.sh shows its first 30 lines at the end of a CI log.
        var log = proof.Output.TailText(30);
        // The proof's own account (every case, the summary line) goes to the test's output, so a CI log shows the figures.
        output.WriteLine(string.Join('\n', proof.Output.Snapshot().Select(l => l.Text).Where(l => l.StartsWith('[') || l.StartsWith("alert proof", StringComparison.Ordinal) || l.StartsWith("fleet healthy", StringComparison.Ordinal))));
        Assert.True(exitCode == 0, $"the proof exited {exitCode}:\n{log}");
        using var entries = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "alert-proof.json")));
        var byName = entries.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e);
        Assert.All(CatalogAlerts, name => Assert.True(byName.ContainsKey(name), $"{name} has no entry"));
        Assert.All(byName.Values, e => Assert.NotEqual("failed", e.GetProperty("status").GetString()));
        var proven = CatalogAlerts.Count(name => byName[name].GetProperty("status").GetString() == "proven");
        Assert.True(proven >= 14, $"only {proven} of 18 catalog alerts proven at their default threshold:\n{log}");
        Assert.All(byName.Values.Where(e => e.GetProperty("status").GetString() == "proven-override"), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("override").GetString())));
        Assert.All(byName.Values.Where(e => e.GetProperty("status").GetString() is "proven" or "proven-override"), e =>
        {
            Assert.NotEmpty(e.GetProperty("notifiedReceivers").EnumerateArray());
            Assert.True(e.GetProperty("resolvedSeconds").ValueKind == JsonValueKind.Number, $"{e.GetProperty("name")} has no resolution");
        });

        using var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "alert-proof-run.json")));
        // Nothing fired falsely under healthy load (a HighCPUUsage the proof's own reading of the host corroborates is true).
        Assert.Empty(run.RootElement.GetProperty("healthy").GetProperty("falsePositives").EnumerateArray());
        var html = await File.ReadAllTextAsync(Path.Combine(_output, "report.html"));
        Assert.Contains("id=\"alert-timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("| MySQLDown |", await File.ReadAllTextAsync(Path.Combine(_output, "report.md")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
