using MySqlConnector;
using Winyx.Testing;

namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>Per-test databases on the shared MariaDB, with a <c>notes</c> table to find in a backup.</summary>
public static class UserDatabase
{
    /// <summary>Creates a database holding <c>notes(1, <paramref name="body"/>)</c>; returns its connection string.</summary>
    public static async Task<string> CreateWithNoteAsync(MariaDbFixture db, string body)
    {
        var connectionString = await db.CreateDatabaseAsync();
        await ExecuteAsync(connectionString, "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(64) NOT NULL)");
        await AddNoteAsync(connectionString, 1, body);
        return connectionString;
    }

    /// <summary>Inserts a note.</summary>
    public static Task AddNoteAsync(string connectionString, int id, string body) =>
        ExecuteAsync(connectionString, "INSERT INTO notes VALUES (@id, @body)", ("@id", id), ("@body", body));

    /// <summary>The notes' bodies, by id.</summary>
    public static async Task<IReadOnlyList<string>> ReadNotesAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM notes ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var bodies = new List<string>();
        while (await reader.ReadAsync())
        {
            bodies.Add(reader.GetString(0));
        }

        return bodies;
    }

    /// <summary>Runs <paramref name="sql"/> in <paramref name="connectionString"/>'s database with the <c>mariadb</c> client, as a restore would.</summary>
    public static async Task RestoreAsync(string connectionString, string sql)
    {
        var target = new MySqlConnectionStringBuilder(connectionString);
        var (exitCode, output) = await ChildProcess.RunAsync(
            "mariadb",
            ["--no-defaults", $"--host={target.Server}", $"--port={target.Port}", $"--user={target.UserID}", target.Database],
            sql,
            new Dictionary<string, string> { ["MYSQL_PWD"] = target.Password });
        Assert.True(exitCode == 0, $"restore failed: {output}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
