using Winyx.Hosting.Testing;
using Winyx.Testing;

namespace Winyx.Hosting.Tests;

/// <summary>The console: progress while starting, then the table and exactly one Dashboard line.</summary>
public sealed class ConsoleReporterTests
{
    [Fact]
    public async Task DashboardLineIsPrintedOnceAfterEveryResourceSettled()
    {
        var output = new StringWriter();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--isolated"],
            AppHostDirectory = AppContext.BaseDirectory,
            Output = TextWriter.Synchronized(output),
        });
        var db = builder.AddExecutable("db", "sh", ".", "-c", "sleep 30");
        builder.AddExecutable("api", "sh", ".", "-c", "sleep 30").WaitFor(db);
        builder.AddExecutable("ghost", "winyx-no-such-binary", ".");
        await using var app = builder.Build();

        await app.StartAsync();
        await app.Settled.WaitAsync(TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(() => output.ToString().Contains("Dashboard:", StringComparison.Ordinal), TimeSpan.FromSeconds(5), "no Dashboard line");

        var lines = output.ToString().Split(Environment.NewLine);
        var dashboard = Assert.Single(lines, l => l.StartsWith("Dashboard: ", StringComparison.Ordinal));
        Assert.Equal($"Dashboard: http://127.0.0.1:{app.Dashboard.ControlPort}/login?t={app.Dashboard.Token}", dashboard);
        Assert.Contains(lines, l => l.Contains("api", StringComparison.Ordinal) && l.Contains("Waiting for db", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("ghost", StringComparison.Ordinal) && l.Contains("Missing", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(lines, dashboard) > lines.ToList().FindIndex(l => l.Contains("Resource", StringComparison.Ordinal) && l.Contains("State", StringComparison.Ordinal)));
    }
}
