using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace Winyx.UserRpc.Data;

/// <summary>
/// GetUser's read of one user by primary key, sent past EF Core's query pipeline: one prepared
/// MySqlConnector command on the pooled context's own connection, under the context's execution
/// strategy (<see cref="ReconnectingExecutionStrategy"/>), timed and traced like every EF command
/// (<see cref="DbCommandTelemetry"/>).
/// </summary>
/// <remarks>
/// EF Core's compiled query cost about a third of UserRpc's CPU per GetUser, the read every uncached
/// <c>GET /api/users/{id}</c> makes (bench/RESULTS.md, ninth pass). The SQL is built from the EF model,
/// so the table and column names stay defined once, in <see cref="UsersDbContext"/>.
/// </remarks>
internal sealed class UserByIdQuery(DbCommandTelemetry telemetry, TimeProvider time)
{
    private const string IdParameter = "@id";

    // The model is the same for every context of the pool; the text is built once from the first.
    private string? _sql;

    /// <summary>The user with <paramref name="id"/>, untracked, or null.</summary>
    public Task<User?> ReadAsync(UsersDbContext db, long id, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Query: this, Id: id),
            static (context, state, ct) => state.Query.ReadOnceAsync((UsersDbContext)context, state.Id, ct),
            verifySucceeded: null,
            cancellationToken);

    // The statement this query sends, built from the model.
    private static string Sql(IModel model)
    {
        var entity = model.FindEntityType(typeof(User))
            ?? throw new InvalidOperationException($"The model has no {nameof(User)} entity.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => "`" + entity.FindProperty(property)!.GetColumnName(table) + "`";
        return $"SELECT {Column(nameof(User.Id))}, {Column(nameof(User.Name))}, {Column(nameof(User.Email))}, "
            + $"{Column(nameof(User.PasswordHash))}, {Column(nameof(User.CreatedAt))}, {Column(nameof(User.UpdatedAt))}, "
            + $"{Column(nameof(User.Version))} FROM `{table.Name}` WHERE {Column(nameof(User.Id))} = {IdParameter}";
    }

    private async Task<User?> ReadOnceAsync(UsersDbContext db, long id, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = CreateCommand(db, id);
            return await ExecuteAsync(command, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private MySqlCommand CreateCommand(UsersDbContext db, long id)
    {
        var command = (MySqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = _sql ??= Sql(db.Model);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as MySqlTransaction;
        command.Parameters.AddWithValue(IdParameter, id);
        return command;
    }

    // Prepared once per pooled connection: MySqlConnector keeps a session's statements by their text.
    private async Task<User?> ExecuteAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        var startTime = time.GetUtcNow();
        var started = time.GetTimestamp();
        try
        {
            await command.PrepareAsync(cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            var user = await reader.ReadAsync(cancellationToken) ? ReadUser(reader) : null;
            telemetry.Record(command, startTime, time.GetElapsedTime(started), error: null);
            return user;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            telemetry.Record(command, startTime, time.GetElapsedTime(started), ex);
            throw;
        }
    }

    // Column order as in Sql().
    private static User ReadUser(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Name = reader.GetString(1),
        Email = reader.GetString(2),
        PasswordHash = reader.GetString(3),
        CreatedAt = UtcDateTimeConverter.FromStore(reader.GetDateTime(4)),
        UpdatedAt = UtcDateTimeConverter.FromStore(reader.GetDateTime(5)),
        Version = reader.GetInt32(6),
    };
}
