using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Winyx.UserRpc.Data;

/// <summary>
/// What a SQL command does and to which table, read from its text: the labels of
/// <c>database_query_duration_seconds</c> and the attributes of the MySQL spans.
/// </summary>
/// <param name="Operation">Lower-case verb: select, insert, update, delete, or other.</param>
/// <param name="Table">The first table the statement names, lower-case, or <c>none</c>.</param>
internal readonly partial record struct SqlStatement(string Operation, string Table)
{
    private const string Other = "other";
    private const string NoTable = "none";

    // EF Core sends a handful of fixed, parameterised texts, so each is parsed once rather than on every
    // command (two regex scans per query showed in UserRpc's profile). The cap keeps ad-hoc SQL from growing it.
    private const int CacheCapacity = 512;
    private static readonly ConcurrentDictionary<string, SqlStatement> Parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// Classifies a command text by its first statement that is not a session <c>SET</c>: Pomelo
    /// sends <c>SET AUTOCOMMIT = 1; INSERT INTO `users` …</c> as one command, which is an insert.
    /// </summary>
    public static SqlStatement Parse(string? commandText)
    {
        if (string.IsNullOrWhiteSpace(commandText))
        {
            return new SqlStatement(Other, NoTable);
        }

        if (Parsed.TryGetValue(commandText, out var known))
        {
            return known;
        }

        var statement = Classify(commandText);
        if (Parsed.Count < CacheCapacity)
        {
            Parsed.TryAdd(commandText, statement);
        }

        return statement;
    }

    private static SqlStatement Classify(string commandText)
    {
        foreach (Match statement in StatementVerb().Matches(commandText))
        {
            var verb = statement.Groups["verb"].Value.ToLowerInvariant();
            if (verb == "set")
            {
                continue;
            }

            var table = TableName().Match(commandText, statement.Index);
            return new SqlStatement(
                verb is "select" or "insert" or "update" or "delete" ? verb : Other,
                table.Success ? table.Groups["table"].Value.ToLowerInvariant() : NoTable);
        }

        return new SqlStatement(Other, NoTable);
    }

    // The first word of each statement, skipping comments (EF's TagWith writes "-- ..." lines).
    [GeneratedRegex(@"(?:^|;)\s*(?:(?:--[^\n]*\n|/\*.*?\*/)\s*)*(?<verb>[A-Za-z]+)", RegexOptions.Singleline)]
    private static partial Regex StatementVerb();

    // The first table after FROM / INTO / UPDATE / JOIN / TABLE [IF [NOT] EXISTS], without its
    // schema; a sub-query "FROM (" does not match because a name must follow directly.
    [GeneratedRegex(
        @"\b(?:FROM|INTO|UPDATE|JOIN|TABLE(?:\s+IF(?:\s+NOT)?\s+EXISTS)?)\s+(?:`?\w+`?\.)?`?(?<table>\w+)`?",
        RegexOptions.IgnoreCase)]
    private static partial Regex TableName();
}
