using MySqlConnector;

namespace Winyx.Testing.Fuzzing;

/// <summary>What the users table holds, read straight from MariaDB: the fuzz tests' "nothing stored from a rejected request".</summary>
public static class StoredUsers
{
    /// <summary>Those of <paramref name="emails"/> that have a row.</summary>
    public static async Task<List<string>> EmailsAsync(string connectionString, IReadOnlyCollection<string> emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var found = new List<string>();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var chunk in emails.Chunk(200))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((_, i) => $"@e{i}").ToList();
            command.CommandText = $"SELECT email FROM users WHERE email IN ({string.Join(",", names)})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    /// <summary>The stored name and e-mail of user <paramref name="id"/>; null when the row is gone.</summary>
    public static async Task<(string Name, string Email)?> ProfileAsync(string connectionString, long id)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT name, email FROM users WHERE id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }
}
