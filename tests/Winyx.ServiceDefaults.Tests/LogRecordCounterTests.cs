using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class LogRecordCounterTests
{
    private const string Category = "Winyx.Tests.Counting";

    [Fact]
    public async Task LogRecordsAreCountedByLevelAndTrimmedCategory()
    {
        await using var host = await TestServiceHost.StartAsync(map: app =>
            app.MapPost("/api/noise", (ILoggerFactory loggers) =>
            {
                // Five segments deep: the label keeps three, so every class in a namespace shares one series.
                var logger = loggers.CreateLogger(Category + ".Deep.Handler");
                logger.LogWarning("first warning");
                logger.LogWarning("second warning");
                logger.LogWarning("third warning");
                logger.LogError("first error");
                logger.LogError("second error");
                logger.LogDebug("below the minimum level, so not written and not counted");
                return Results.NoContent();
            }));

        await host.Client.PostAsync("/api/noise", null);

        // A success's access-log record is counted by the log pump, which writes in batches: wait for it too.
        var samples = await host.SamplesWhenAsync(
            all => Count(all, "warning") == 3 && Count(all, "error") == 2 && all.Any(IsAccessLogCount),
            "log_records_total to count 3 warnings, 2 errors and the access-log record");
        Assert.Equal(0, Count(samples, "debug"));
        Assert.Contains(samples, IsAccessLogCount);
    }

    private static bool IsAccessLogCount(PrometheusSample s) =>
        s.Name == "log_records_total" && s["category"] == "Winyx.AccessLog" && s["level"] == "information" && s.Value >= 1;

    private static double Count(IReadOnlyList<PrometheusSample> samples, string level) =>
        samples.Where(s => s.Name == "log_records_total" && s["category"] == Category && s["level"] == level).Sum(s => s.Value);
}
