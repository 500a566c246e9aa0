using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

/// <summary>
/// The console and file outputs sit behind a bounded queue: a request never waits for them, and a
/// record the full queue cannot take is dropped and counted in <c>log_records_dropped_total</c>.
/// </summary>
public sealed class LogQueueTests
{
    private const int Records = 2000;

    [Fact]
    public async Task RecordsAFullQueueCannotTakeAreDroppedAndCounted()
    {
        var marker = Guid.NewGuid().ToString("N");
        await using var host = await TestServiceHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Logging:QueueCapacity"] = "1" },
            map: app => app.MapPost("/api/flood", (ILoggerFactory loggers) =>
            {
                // Far faster than one background writer empties a one-record queue.
                var logger = loggers.CreateLogger("Winyx.Tests.Flood");
                for (var i = 0; i < Records; i++)
                {
                    logger.LogInformation("flood {Marker} {Index}", marker, i);
                }

                return Results.NoContent();
            }));

        await host.Client.PostAsync("/api/flood", null);

        // Every record is either written or counted as dropped; the counter also holds any other record
        // of this host the queue refused (its access-log line, say), hence "at least".
        var samples = await host.SamplesWhenAsync(
            all => Dropped(all) > 0 && Written(marker) + Dropped(all) >= Records,
            $"log_records_dropped_total to count what the {Records} records did not write");
        Assert.InRange(Written(marker), 1, Records - 1);
        Assert.Contains(samples, s => s.Name == "log_queue_records");
    }

    [Fact]
    public async Task NothingIsDroppedWhenTheQueueKeepsUp()
    {
        await using var host = await TestServiceHost.StartAsync(map: app =>
            app.MapPost("/api/quiet", (ILoggerFactory loggers) =>
            {
                loggers.CreateLogger("Winyx.Tests.Quiet").LogWarning("one record");
                return Results.NoContent();
            }));

        await host.Client.PostAsync("/api/quiet", null);

        var samples = await host.SamplesWhenAsync(
            s => s.Name == "log_records_total" && s["category"] == "Winyx.Tests.Quiet",
            "the warning to be counted");
        Assert.Equal(0, Dropped(samples));
    }

    [Fact]
    public async Task EveryRecordOfConcurrentWritersReachesTheConsole()
    {
        const int Writers = 4;
        var marker = Guid.NewGuid().ToString("N");
        await using var host = await TestServiceHost.StartAsync(map: app =>
            app.MapPost("/api/busy", (ILoggerFactory loggers) =>
            {
                // Writers racing each other and the pump, as requests do: none of their records may be
                // lost or left waiting in the queue.
                var logger = loggers.CreateLogger("Winyx.Tests.Busy");
                Parallel.For(0, Writers, writer =>
                {
                    for (var i = 0; i < Records; i++)
                    {
                        logger.LogInformation("busy {Marker} {Writer} {Index}", marker, writer, i);
                    }
                });
                return Results.NoContent();
            }));

        await host.Client.PostAsync("/api/busy", null);

        await Poll.UntilAsync(() => Written(marker) == Writers * Records, TestServiceHost.PollTimeout, $"all {Writers * Records} records on the console");
        Assert.Equal(0, Dropped(await host.SamplesWhenAsync(s => s.Name == "log_records_dropped_total", "the drop counter")));
    }

    private static int Written(string marker) => ConsoleCapture.Lines.Count(line => line.Contains(marker, StringComparison.Ordinal));

    private static double Dropped(IReadOnlyList<PrometheusSample> samples) =>
        samples.Where(s => s.Name == "log_records_dropped_total").Sum(s => s.Value);
}
