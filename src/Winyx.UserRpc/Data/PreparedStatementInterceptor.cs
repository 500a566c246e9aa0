using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Prepares every query on the server before it runs. MySqlConnector keeps a connection's prepared
/// statements and reuses them for the same SQL, so MariaDB parses each query once per pooled connection
/// instead of on every call, and the rows come back in the binary protocol.
/// </summary>
/// <remarks>
/// Measured on the uncached <c>GET /api/users/{id}</c> (bench/RESULTS.md): MariaDB's CPU per primary-key read
/// fell by about a quarter. The statements live as long as the connection; a pooled connection is no longer
/// reset between uses (<see cref="UserDbConnectionString"/>), which is what lets them be reused. UserRpc's
/// queries are a handful of fixed texts, so each connection holds a handful of statements, far below
/// MariaDB's <c>max_prepared_stmt_count</c>.
/// </remarks>
internal sealed class PreparedStatementInterceptor : DbCommandInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        command.Prepare();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await command.PrepareAsync(cancellationToken);
        return result;
    }
}
