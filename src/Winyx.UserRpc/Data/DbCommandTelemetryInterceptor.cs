using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MySqlConnector;
using Winyx.UserRpc.Diagnostics;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Times every command EF Core sends to MySQL: one <c>database_query_duration_seconds</c>
/// observation and one client span per command. EF measures the duration itself
/// (<see cref="CommandEndEventData.Duration"/>), so no state is kept between the start and end
/// events; the span is recorded after the fact with the measured start and end.
/// </summary>
internal sealed class DbCommandTelemetryInterceptor(UserRpcMetrics metrics) : DbCommandInterceptor
{
    /// <inheritdoc />
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Recorded(command, eventData, result);

    /// <inheritdoc />
    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Recorded(command, eventData, result));

    /// <inheritdoc />
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Recorded(command, eventData, result);

    /// <inheritdoc />
    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Recorded(command, eventData, result));

    /// <inheritdoc />
    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Recorded(command, eventData, result);

    /// <inheritdoc />
    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Recorded(command, eventData, result));

    /// <inheritdoc />
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Record(command, eventData, eventData.Exception);

    /// <inheritdoc />
    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    // Every successful execution is recorded the same way and passes EF's result on unchanged.
    private T Recorded<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        Record(command, eventData, null);
        return result;
    }

    private void Record(DbCommand command, CommandEndEventData eventData, Exception? error)
    {
        var statement = SqlStatement.Parse(command.CommandText);
        metrics.RecordDatabaseQuery(statement.Operation, statement.Table, eventData.Duration);
        RecordSpan(command, statement, eventData, error);
    }

    private static void RecordSpan(DbCommand command, SqlStatement statement, CommandEndEventData eventData, Exception? error)
    {
        if (!DataTracing.Source.HasListeners())
        {
            return;
        }

        var operation = statement.Operation.ToUpperInvariant();
        // The parent is the ambient request span: EF calls interceptors on the caller's async flow.
        using var activity = DataTracing.Source.StartActivity(
            $"{operation} {statement.Table}", ActivityKind.Client, parentContext: default, startTime: eventData.StartTime);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system", "mysql");
        activity.SetTag("db.name", command.Connection?.Database);
        activity.SetTag("db.operation", operation);
        activity.SetTag("db.sql.table", statement.Table);
        activity.SetTag("server.address", command.Connection?.DataSource);
        // EF sends parameterised SQL: the text names placeholders (@p0), never the values.
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

        activity.SetEndTime((eventData.StartTime + eventData.Duration).UtcDateTime);
    }
}
