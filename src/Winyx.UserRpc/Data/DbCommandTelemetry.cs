using System.Data.Common;
using System.Diagnostics;
using MySqlConnector;
using Winyx.UserRpc.Diagnostics;

namespace Winyx.UserRpc.Data;

/// <summary>
/// What every command UserRpc sends to MySQL leaves behind: one <c>database_query_duration_seconds</c>
/// observation and one client span, recorded after the fact with the measured start and duration.
/// EF Core's commands reach it through <see cref="DbCommandTelemetryInterceptor"/>; the commands sent
/// past EF Core (<see cref="UserByIdQuery"/>) call it themselves.
/// </summary>
internal sealed class DbCommandTelemetry(UserRpcMetrics metrics)
{
    /// <summary>Records one finished command; <paramref name="error"/> is null when it succeeded.</summary>
    public void Record(DbCommand command, DateTimeOffset startTime, TimeSpan duration, Exception? error)
    {
        var statement = SqlStatement.Parse(command.CommandText);
        metrics.RecordDatabaseQuery(statement.Operation, statement.Table, duration);
        RecordSpan(command, statement, startTime, duration, error);
    }

    private static void RecordSpan(DbCommand command, SqlStatement statement, DateTimeOffset startTime, TimeSpan duration, Exception? error)
    {
        if (!DataTracing.Source.HasListeners())
        {
            return;
        }

        var operation = statement.Operation.ToUpperInvariant();
        // The parent is the ambient request span: commands run on the caller's async flow.
        using var activity = DataTracing.Source.StartActivity(
            $"{operation} {statement.Table}", ActivityKind.Client, parentContext: default, startTime: startTime);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system", "mysql");
        activity.SetTag("db.name", command.Connection?.Database);
        activity.SetTag("db.operation", operation);
        activity.SetTag("db.sql.table", statement.Table);
        activity.SetTag("server.address", command.Connection?.DataSource);
        // Every command is parameterised: the text names placeholders (@p0, @id), never the values.
        activity.SetTag("db.statement", command.CommandText);
        if (error is not null)
        {
            // Type and server code only: MySQL messages quote the offending values (a duplicate
            // e-mail, say), which are personal data and stay out of traces.
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.SetTag("error.type", error.GetType().FullName);
            if (error is MySqlException mySql)
            {
                activity.SetTag("db.response.status_code", mySql.Number);
            }
        }

        activity.SetEndTime((startTime + duration).UtcDateTime);
    }
}
