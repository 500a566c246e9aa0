using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class FileLoggingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("winyx-filelog-").FullName;

    [Fact]
    public async Task FilesRollBySizeAreCompressedAndKeptWithinCountAndAge()
    {
        // An archive from an earlier run, past the age limit, and one of another output that must survive.
        var expired = Plant("svc-20000101_001.log.gz", age: TimeSpan.FromDays(10));
        var foreign = Plant("svc-errors-20000101.log.gz", age: TimeSpan.FromDays(10));
        await RunAsync(20, new Dictionary<string, string?>
        {
            ["Logging:File:Path"] = _directory,
            ["Logging:File:FileName"] = "svc",
            ["Logging:File:MaxSizeMB"] = "0.002", // ~2 KB: a handful of records per file
            ["Logging:File:MaxBackups"] = "3",
            ["Logging:File:KeepDays"] = "7",
        });

        Assert.Equal(3, Archives("svc-2").Count);
        Assert.False(File.Exists(expired), "the archive past KeepDays is still there");
        Assert.True(File.Exists(foreign), "another output's archive was touched");
        Assert.Single(Directory.GetFiles(_directory, "svc-2*.log"));
        Assert.All(Archives("svc-2"), archive => Assert.All(Decompress(archive), line => JsonDocument.Parse(line).Dispose()));
        Assert.All(Archives("svc-2"), archive => Assert.Matches(@"^svc-\d{8}_\d{3}\.log\.gz$", Path.GetFileName(archive)));
    }

    [Fact]
    public async Task WithoutCompressionRolledFilesStayPlainAndCountLimited()
    {
        await RunAsync(20, new Dictionary<string, string?>
        {
            ["Logging:File:Path"] = _directory,
            ["Logging:File:FileName"] = "plain",
            ["Logging:File:MaxSizeMB"] = "0.002",
            ["Logging:File:MaxBackups"] = "2",
            ["Logging:File:Compress"] = "false",
        });

        Assert.Equal(3, Directory.GetFiles(_directory, "plain-*.log").Length); // the current file and two rolled ones
        Assert.Empty(Directory.GetFiles(_directory, "*.gz"));
    }

    [Fact]
    public async Task NamedOutputsFilterByLevel()
    {
        await RunAsync(1, new Dictionary<string, string?>
        {
            ["Logging:Files:errors:Path"] = _directory,
            ["Logging:Files:errors:MinimumLevel"] = "Error",
            ["Logging:Files:errors:KeepDays"] = "14",
            ["Logging:Files:combined:Path"] = _directory,
        });

        Assert.NotEmpty(Lines("errors-"));
        Assert.Contains(Lines("combined-"), line => line.Contains("Winyx.AccessLog", StringComparison.Ordinal));
        Assert.All(Lines("errors-"), line => Assert.Contains("\"level\":\"error\"", line, StringComparison.Ordinal));
        Assert.Contains(Lines("combined-"), line => line.Contains("\"level\":\"information\"", StringComparison.Ordinal));
        Assert.Contains(Lines("combined-"), line => line.Contains("\"level\":\"error\"", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Stopping the host waits for in-flight requests (whose access-log records are written after the
    // response) and closes the files, so what is on disk afterwards is final.
    private static async Task RunAsync(int requests, Dictionary<string, string?> settings)
    {
        await using var host = await TestServiceHost.StartAsync(settings, map: app =>
            app.MapPost("/api/noise", (ILoggerFactory loggers) =>
            {
                var logger = loggers.CreateLogger("Winyx.Tests.Noise");
                logger.LogInformation("some routine work with a payload long enough to fill files quickly: {Payload}", new string('n', 200));
                logger.LogError("something failed");
                return Results.NoContent();
            }));
        for (var i = 0; i < requests; i++)
        {
            await host.Client.PostAsync("/api/noise", null);
        }
    }

    private string Plant(string name, TimeSpan age)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, []);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    private List<string> Archives(string prefix) => Directory.GetFiles(_directory, prefix + "*.gz").ToList();

    private IEnumerable<string> Lines(string prefix) =>
        Directory.GetFiles(_directory, prefix + "*.log").SelectMany(ReadLines).ToList();

    private static IEnumerable<string> ReadLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static List<string> Decompress(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.NotEmpty(lines);
        return lines;
    }
}
