using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Hands every command EF Core sends to MySQL to <see cref="DbCommandTelemetry"/>. EF measures the
/// duration itself (<see cref="CommandEndEventData.Duration"/>), so no state is kept between the start
/// and end events.
/// </summary>
internal sealed class DbCommandTelemetryInterceptor(DbCommandTelemetry telemetry) : DbCommandInterceptor
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

    private void Record(DbCommand command, CommandEndEventData eventData, Exception? error) =>
        telemetry.Record(command, eventData.StartTime, eventData.Duration, error);
}
