using System.Globalization;
using MySqlConnector;

namespace Winyx.Hosting.MySql;

/// <summary>
/// Statements collected and sent to the server as one multi-statement command: set-up runs on
/// every start, and one round trip instead of twenty matters on a loaded CI machine. Each
/// password gets its own parameter, so no secret is ever spliced into SQL text.
/// </summary>
internal sealed class SqlScript
{
    private readonly List<string> _statements = [];
    private readonly List<MySqlParameter> _parameters = [];

    /// <summary>Adds a statement; <paramref name="password"/> binds to its <c>@password</c> placeholder.</summary>
    public void Add(string statement, string? password = null)
    {
        if (password is not null)
        {
            var name = "@p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
            statement = statement.Replace("@password", name, StringComparison.Ordinal);
            _parameters.Add(new MySqlParameter(name, password));
        }

        _statements.Add(statement);
    }

    /// <summary>Runs every statement in order, in one command.</summary>
    public async Task ExecuteAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        if (_statements.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(";\n", _statements);
        command.Parameters.AddRange(_parameters.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
