using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Runs a database operation once more, at once, when it failed because its connection no longer reaches
/// MySQL — typically a pooled connection to a server that has restarted — after emptying the pool of every
/// connection made before the failure.
/// </summary>
/// <remarks>
/// The connection string turns MySqlConnector's session reset off (<see cref="UserDbConnectionString"/>),
/// and with it the round trip that proved a pooled connection alive each time it was taken. This strategy
/// gives that guarantee back where it matters, on the failure: the caller never sees a stale connection. A
/// second failure is a real outage and reaches the caller as UNAVAILABLE. A retried write whose first
/// attempt was committed before the connection died is refused rather than applied twice: a registration
/// by the unique e-mail (ALREADY_EXISTS), a profile update by its version check (ABORTED).
/// </remarks>
internal sealed class ReconnectingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.Zero)
{
    private const int MaxRetries = 1;

    /// <inheritdoc />
    protected override bool ShouldRetryOn(Exception exception)
    {
        if (!DatabaseErrors.IsUnavailable(exception))
        {
            return false;
        }

        // Every connection pooled before this one failed may be as dead: none of them is handed out again.
        MySqlConnection.ClearAllPools();
        return true;
    }

    /// <inheritdoc />
    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        base.GetNextDelay(lastException) is null ? null : TimeSpan.Zero;
}
