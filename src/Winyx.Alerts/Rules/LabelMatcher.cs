using System.Text.RegularExpressions;

namespace Winyx.Alerts.Rules;

/// <summary>One Alertmanager matcher: <c>name="v"</c>, <c>name!="v"</c>, <c>name=~"re"</c> or <c>name!~"re"</c> (regexes anchored).</summary>
public sealed partial record LabelMatcher(string Name, string Operator, string Value)
{
    /// <summary>Parses matcher text as written in <c>matchers:</c>.</summary>
    public static LabelMatcher Parse(string text)
    {
        var match = Syntax().Match(text ?? string.Empty);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not an Alertmanager matcher.");
        }

        var value = match.Groups["value"].Value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = Regex.Unescape(value[1..^1]);
        }

        return new LabelMatcher(match.Groups["name"].Value, match.Groups["op"].Value, value);
    }

    /// <summary>Whether <paramref name="labels"/> satisfy the matcher (a missing label is the empty string).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var actual = labels.GetValueOrDefault(Name) ?? string.Empty;
        return Operator switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => Regex.IsMatch(actual, $"^(?:{Value})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
            _ => !Regex.IsMatch(actual, $"^(?:{Value})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        };
    }

    [GeneratedRegex(@"^\s*(?<name>[a-zA-Z_][a-zA-Z0-9_]*)\s*(?<op>=~|!~|!=|=)\s*(?<value>.*?)\s*$")]
    private static partial Regex Syntax();
}
