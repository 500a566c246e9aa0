namespace Winyx.Api.Metrics;

/// <summary>Seeds the counters with zeroes at start; see <see cref="ApiMetrics.SeedZeroes"/>.</summary>
public sealed class ApiMetricsSeeder(ApiMetrics metrics) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.SeedZeroes();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
