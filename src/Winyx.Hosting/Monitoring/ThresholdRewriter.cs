using System.Globalization;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Replaces the threshold of a PromQL alert expression: the number on the right of its final
/// top-level comparison, <c>&lt;lhs&gt; (&gt;|&gt;=|&lt;|&lt;=) &lt;number expression&gt;</c>, where
/// the number expression holds only digits, <c>.</c>, <c>e</c>, spaces, <c>* / + -</c> and
/// parentheses (<c>0.85</c>, <c>25 * 3600</c>). "Top-level" follows PromQL's precedence: outside
/// parentheses, brackets, braces, strings and comments, and in an expression whose root is that
/// comparison. An expression joined by <c>and</c>, <c>or</c> or <c>unless</c> at the top level has a
/// set operation at its root, so its last comparison may be a guard (<c>rate &gt;= 0.1</c>) rather than
/// the threshold: it is refused, never guessed.
/// </summary>
/// <example>
/// <code>
/// var (expression, previous) = ThresholdRewriter.Replace("time() - ts > 25 * 3600", "108");
/// // expression: "time() - ts > 108", previous: "25 * 3600"
/// </code>
/// </example>
public static class ThresholdRewriter
{
    private static readonly string[] SetOperators = ["and", "or", "unless"];

    /// <summary>
    /// Returns <paramref name="expression"/> with the threshold replaced by <paramref name="threshold"/>
    /// (PromQL text, e.g. <c>0.31</c>), and the threshold it had, as written.
    /// </summary>
    /// <exception cref="FormatException">The expression does not end in such a comparison; the message says why.</exception>
    public static (string Expression, string Previous) Replace(string expression, string threshold)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentException.ThrowIfNullOrWhiteSpace(threshold);
        var scan = Scan(expression);
        if (scan.SetOperator is { } setOperator)
        {
            throw new FormatException($"its expression joins conditions with '{setOperator}' at the top level, so which number is the threshold is ambiguous");
        }

        if (scan.LastComparison is not { } comparison)
        {
            throw new FormatException("its expression has no top-level comparison (>, >=, <, <=) with a number");
        }

        var op = expression.Substring(comparison.Start, comparison.Length);
        if (op is "==" or "!=")
        {
            throw new FormatException($"its expression compares with '{op}', not with >, >=, < or <=");
        }

        var start = comparison.Start + comparison.Length;
        while (start < scan.CodeEnd && char.IsWhiteSpace(expression[start]))
        {
            start++;
        }

        var previous = expression[start..scan.CodeEnd];
        if (!IsNumberExpression(previous))
        {
            throw new FormatException($"the right-hand side of its final '{op}' is '{previous.Trim()}', not a number expression (digits, '.', 'e', spaces, '*', '/', '+', '-', parentheses)");
        }

        return (string.Concat(expression.AsSpan(0, start), threshold, expression.AsSpan(scan.CodeEnd)), previous);
    }

    private static bool IsNumberExpression(string text) =>
        text.Length > 0
        && text.Any(char.IsAsciiDigit)
        && text.All(c => char.IsAsciiDigit(c) || char.IsWhiteSpace(c) || c is '.' or 'e' or 'E' or '*' or '/' or '+' or '-' or '(' or ')');

    // One pass over the expression: the last comparison operator and the first set operator at
    // depth 0, and where the code ends (before trailing whitespace and comments).
    private static ScanResult Scan(string text)
    {
        var depth = 0;
        var codeEnd = 0;
        (int Start, int Length)? lastComparison = null;
        string? setOperator = null;
        var position = 0;
        while (position < text.Length)
        {
            var current = text[position];
            var next = position + 1 < text.Length ? text[position + 1] : '\0';
            var end = current switch
            {
                '"' or '\'' or '`' => SkipString(text, position),
                '#' => SkipComment(text, position),
                _ when IsWordPart(current) => SkipWord(text, position),
                '>' or '<' when next == '=' => position + 2,
                '=' or '!' when next == '=' => position + 2,
                _ => position + 1,
            };

            if (current == '#' || char.IsWhiteSpace(current))
            {
                position = end;
                continue;
            }

            switch (current)
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case '>' or '<' or '=' or '!' when depth == 0 && (end - position == 2 || current is '>' or '<'):
                    lastComparison = (position, end - position);
                    break;
                default:
                    if (depth == 0 && setOperator is null && IsWordPart(current))
                    {
                        var word = text[position..end].ToLower(CultureInfo.InvariantCulture);
                        setOperator = SetOperators.Contains(word) ? word : null;
                    }

                    break;
            }

            codeEnd = end;
            position = end;
        }

        return new ScanResult(lastComparison, setOperator, codeEnd);
    }

    private static int SkipString(string text, int position)
    {
        var quote = text[position];
        var end = position + 1;
        while (end < text.Length && text[end] != quote)
        {
            end += quote != '`' && text[end] == '\\' ? 2 : 1;
        }

        return Math.Min(end + 1, text.Length);
    }

    private static int SkipComment(string text, int position)
    {
        var end = text.IndexOf('\n', position);
        return end < 0 ? text.Length : end;
    }

    private static int SkipWord(string text, int position)
    {
        var end = position;
        while (end < text.Length && IsWordPart(text[end]))
        {
            end++;
        }

        return end;
    }

    // Identifiers, keywords and number literals alike (1e3, 0.85, service:rate5m).
    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '.';

    private readonly record struct ScanResult((int Start, int Length)? LastComparison, string? SetOperator, int CodeEnd);
}
