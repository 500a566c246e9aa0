using Microsoft.EntityFrameworkCore;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Applies the EF migrations at start, retrying with back-off while MySQL is unreachable so the
/// service starts (and reports NOT_SERVING) instead of crashing when the database comes up late; then
/// warms the first request's paths up (<see cref="FirstRequestWarmUp"/>) before reporting SERVING.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopes, DatabaseReadiness readiness, ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await MigrateOnceAsync(stoppingToken);
                LogMigrated(attempt);
                await WarmUpAsync(stoppingToken);
                readiness.MarkMigrated();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Only the message: a stack trace per retry would drown the log while MySQL boots.
                LogRetrying(attempt, delay.TotalMilliseconds, DatabaseErrors.Classify(ex), ex.Message);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }

    // Best effort: a failed warm-up leaves the cost to the first request, it never keeps UserRpc from serving.
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await FirstRequestWarmUp.RunAsync(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogWarmUpFailed(DatabaseErrors.Classify(ex), ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the first request's paths up failed ({Failure}): {Reason}")]
    private partial void LogWarmUpFailed(DatabaseFailure failure, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "User database schema is up to date (attempt {Attempt})")]
    private partial void LogMigrated(int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Applying migrations failed (attempt {Attempt}, {Failure}); retrying in {DelayMs} ms: {Reason}")]
    private partial void LogRetrying(int attempt, double delayMs, DatabaseFailure failure, string reason);
}
