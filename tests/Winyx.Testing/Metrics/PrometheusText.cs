using System.Globalization;
using System.Text;

namespace Winyx.Testing.Metrics;

/// <summary>
/// A parsed Prometheus text exposition (format 0.0.4, what <c>/metrics</c> serves), queried by metric name
/// and a subset of labels. Label values are read per the format: quoted, with <c>\\</c>, <c>\"</c> and
/// <c>\n</c> escapes, so braces, commas and quotes inside them (<c>endpoint="/api/users/{id}"</c>) are
/// just characters.
/// </summary>
/// <example>
/// <code>
/// var scrape = PrometheusText.Parse(await http.GetStringAsync("/metrics"));
/// var errors = scrape.Value("http_requests_total", ("endpoint", "/api/users/{id}"), ("status", "500")) ?? 0;
/// </code>
/// </example>
public sealed class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<PrometheusSample> samples)
    {
        Text = text;
        Samples = samples;
    }

    /// <summary>The exposition as scraped.</summary>
    public string Text { get; }

    /// <summary>Every sample, in exposition order.</summary>
    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>Parses <paramref name="text"/>; comment (<c># HELP</c>, <c># TYPE</c>) and blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line is not a valid sample.</exception>
    public static PrometheusText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = text.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            .Select(ParseLine)
            .ToList();
        return new PrometheusText(text, samples);
    }

    /// <summary>The samples of <paramref name="metric"/> carrying all of <paramref name="labels"/> (others are ignored).</summary>
    public IEnumerable<PrometheusSample> Series(string metric, params (string Name, string Value)[] labels) =>
        Samples.Where(s => s.Name == metric && s.Has(labels));

    /// <summary>
    /// The sum of every sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>
    /// (others, such as the OpenTelemetry scope, are ignored); null when there is none.
    /// </summary>
    public double? Value(string metric, params (string Name, string Value)[] labels)
    {
        double? total = null;
        foreach (var sample in Series(metric, labels))
        {
            total = (total ?? 0) + sample.Value;
        }

        return total;
    }

    /// <summary>Whether any sample of <paramref name="metric"/> exists.</summary>
    public bool Has(string metric) => Samples.Any(s => s.Name == metric);

    private static PrometheusSample ParseLine(string line)
    {
        var reader = new LineReader(line.Trim());
        var name = reader.ReadName();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.TryRead('{'))
        {
            ReadLabels(reader, labels);
        }

        // The value, then an optional timestamp.
        var rest = reader.Rest().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is < 1 or > 2)
        {
            throw reader.Error("expected a value and an optional timestamp");
        }

        return new PrometheusSample(name, labels, ParseValue(rest[0], reader));
    }

    private static void ReadLabels(LineReader reader, Dictionary<string, string> labels)
    {
        while (!reader.TryRead('}'))
        {
            var name = reader.ReadName();
            reader.Expect('=');
            labels[name] = reader.ReadQuoted();
            if (!reader.TryRead(','))
            {
                reader.Expect('}');
                return;
            }
        }
    }

    private static double ParseValue(string text, LineReader reader) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw reader.Error($"'{text}' is not a sample value"),
    };

    /// <summary>A cursor over one sample line.</summary>
    private sealed class LineReader(string line)
    {
        private int _position;

        public string ReadName()
        {
            SkipSpaces();
            var start = _position;
            while (_position < line.Length && (char.IsAsciiLetterOrDigit(line[_position]) || line[_position] is '_' or ':'))
            {
                _position++;
            }

            return _position > start ? line[start.._position] : throw Error("expected a name");
        }

        public bool TryRead(char expected)
        {
            SkipSpaces();
            if (_position < line.Length && line[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        public void Expect(char expected)
        {
            if (!TryRead(expected))
            {
                throw Error($"expected '{expected}'");
            }
        }

        // A label value: "…" with \\, \" and \n escapes; any other character, } and , included, is literal.
        public string ReadQuoted()
        {
            Expect('"');
            var value = new StringBuilder();
            while (_position < line.Length && line[_position] != '"')
            {
                var c = line[_position++];
                if (c == '\\' && _position < line.Length)
                {
                    var escaped = line[_position++];
                    value.Append(escaped == 'n' ? '\n' : escaped);
                }
                else
                {
                    value.Append(c);
                }
            }

            Expect('"');
            return value.ToString();
        }

        public string Rest() => line[_position..];

        public FormatException Error(string problem) =>
            new($"Not a Prometheus sample line ({problem} at column {_position + 1}): {line}");

        private void SkipSpaces()
        {
            while (_position < line.Length && line[_position] is ' ' or '\t')
            {
                _position++;
            }
        }
    }
}
