using System.Text;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Rewrites the durations of a PromQL expression and nothing else: range selectors
/// (<c>[5m]</c>), subquery ranges and resolutions (<c>[1h:1m]</c>, <c>[1h:]</c>) and
/// <c>offset</c> modifiers. A small lexer, not a regular expression over the text: string
/// literals (label values, regexes such as <c>status=~"5.."</c>) and comments are copied
/// untouched, metric names like <c>service:http_requests:rate5m</c> are never read as
/// durations, and <c>offset</c> counts only as the keyword followed by a duration.
/// </summary>
public static class PromQlDurationRewriter
{
    /// <summary>Returns <paramref name="expression"/> with every duration replaced by <paramref name="map"/>(duration).</summary>
    /// <exception cref="FormatException">A range selector holds something other than durations.</exception>
    public static string Rewrite(string expression, Func<TimeSpan, TimeSpan> map)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(map);
        var output = new StringBuilder(expression.Length);
        var position = 0;
        while (position < expression.Length)
        {
            var current = expression[position];
            position = current switch
            {
                '"' or '\'' or '`' => CopyString(expression, position, output),
                '#' => CopyComment(expression, position, output),
                '[' => RewriteRange(expression, position, output, map),
                _ when IsIdentifierStart(current) => CopyIdentifier(expression, position, output, map),
                _ => Copy(expression, position, output),
            };
        }

        return output.ToString();
    }

    private static int Copy(string text, int position, StringBuilder output)
    {
        output.Append(text[position]);
        return position + 1;
    }

    // "…" and '…' honour backslash escapes; `…` is raw.
    private static int CopyString(string text, int position, StringBuilder output)
    {
        var quote = text[position];
        var end = position + 1;
        while (end < text.Length && text[end] != quote)
        {
            end += quote != '`' && text[end] == '\\' ? 2 : 1;
        }

        end = Math.Min(end + 1, text.Length);
        output.Append(text, position, end - position);
        return end;
    }

    private static int CopyComment(string text, int position, StringBuilder output)
    {
        var end = text.IndexOf('\n', position);
        end = end < 0 ? text.Length : end;
        output.Append(text, position, end - position);
        return end;
    }

    private static int RewriteRange(string text, int position, StringBuilder output, Func<TimeSpan, TimeSpan> map)
    {
        var close = text.IndexOf(']', position);
        if (close < 0)
        {
            throw new FormatException($"Unclosed '[' at position {position} in: {text}");
        }

        // [range] or [range:resolution] with an optional resolution.
        var parts = text[(position + 1)..close].Split(':');
        if (parts.Length > 2)
        {
            throw new FormatException($"Unexpected range selector '{text[position..(close + 1)]}' in: {text}");
        }

        output.Append('[').Append(MapDuration(parts[0], text, map, allowEmpty: false));
        if (parts.Length == 2)
        {
            output.Append(':').Append(MapDuration(parts[1], text, map, allowEmpty: true));
        }

        output.Append(']');
        return close + 1;
    }

    private static int CopyIdentifier(string text, int position, StringBuilder output, Func<TimeSpan, TimeSpan> map)
    {
        var end = position;
        while (end < text.Length && IsIdentifierPart(text[end]))
        {
            end++;
        }

        output.Append(text, position, end - position);
        return string.Equals(text[position..end], "offset", StringComparison.OrdinalIgnoreCase)
            ? RewriteOffset(text, end, output, map)
            : end;
    }

    // After the keyword: whitespace, an optional minus sign (a negative offset), a duration.
    // Anything else ("offset" as a label name in {offset="x"} or by (offset)) is left alone.
    private static int RewriteOffset(string text, int position, StringBuilder output, Func<TimeSpan, TimeSpan> map)
    {
        var start = position;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var sign = start < text.Length && text[start] == '-' ? 1 : 0;
        var end = start + sign;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        if (!PrometheusDuration.TryParse(text[(start + sign)..end], out var duration))
        {
            return position;
        }

        output.Append(text, position, start - position + sign).Append(PrometheusDuration.Format(map(duration)));
        return end;
    }

    private static string MapDuration(string part, string text, Func<TimeSpan, TimeSpan> map, bool allowEmpty)
    {
        var trimmed = part.Trim();
        if (trimmed.Length == 0 && allowEmpty)
        {
            return trimmed;
        }

        return PrometheusDuration.TryParse(trimmed, out var duration)
            ? PrometheusDuration.Format(map(duration))
            : throw new FormatException($"'{trimmed}' in a range selector is not a duration in: {text}");
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or ':';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ':';
}
