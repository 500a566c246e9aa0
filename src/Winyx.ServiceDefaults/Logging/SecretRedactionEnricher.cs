using Serilog.Core;
using Serilog.Events;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Redacts secrets in every property of every log event before any sink (console, files, the
/// OpenTelemetry logger provider, the counter) sees it: a property named like a secret loses its value,
/// and text values lose secret-looking pairs. This is what keeps framework logs — request lines with
/// query strings, model-binding and HTTP logging body dumps — from writing a password in clear.
/// </summary>
internal sealed class SecretRedactionEnricher : ILogEventEnricher
{
    private static readonly ScalarValue Redacted = new(RedactionOptions.Marker);

    private readonly SecretRedactor _redactor;

    public SecretRedactionEnricher(SecretRedactor redactor)
    {
        _redactor = redactor;
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var redacted = Redact(name, value);
            if (!ReferenceEquals(redacted, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, redacted));
            }
        }

        changed?.ForEach(logEvent.AddOrUpdateProperty);
    }

    private LogEventPropertyValue Redact(string name, LogEventPropertyValue value) =>
        _redactor.IsSecretField(name) ? Redacted : Redact(value);

    private LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue scalar => RedactScalar(scalar),
        StructureValue structure => RedactStructure(structure),
        SequenceValue sequence => RedactSequence(sequence),
        DictionaryValue dictionary => RedactDictionary(dictionary),
        _ => value,
    };

    private ScalarValue RedactScalar(ScalarValue scalar)
    {
        // Numbers, dates, ids and flags cannot carry "password=..."; strings, URIs and
        // ASP.NET Core's PathString/QueryString can.
        if (scalar.Value is null or bool or char or Enum or IConvertible and not string
            or DateTimeOffset or TimeSpan or Guid)
        {
            return scalar;
        }

        var text = scalar.Value.ToString() ?? string.Empty;
        var redacted = _redactor.RedactText(text);
        return redacted == text ? scalar : new ScalarValue(redacted);
    }

    // Structures, sequences and dictionaries are copied only when something in them changed: the
    // EventId structure is on every record and never does.
    private LogEventPropertyValue RedactStructure(StructureValue structure)
    {
        var properties = structure.Properties;
        LogEventProperty[]? copy = null;
        for (var i = 0; i < properties.Count; i++)
        {
            var redacted = Redact(properties[i].Name, properties[i].Value);
            if (copy is null && !ReferenceEquals(redacted, properties[i].Value))
            {
                copy = [.. properties];
            }

            if (copy is not null)
            {
                copy[i] = new LogEventProperty(properties[i].Name, redacted);
            }
        }

        return copy is null ? structure : new StructureValue(copy, structure.TypeTag);
    }

    private LogEventPropertyValue RedactSequence(SequenceValue sequence)
    {
        var elements = sequence.Elements;
        LogEventPropertyValue[]? copy = null;
        for (var i = 0; i < elements.Count; i++)
        {
            var redacted = Redact(elements[i]);
            if (copy is null && !ReferenceEquals(redacted, elements[i]))
            {
                copy = [.. elements];
            }

            if (copy is not null)
            {
                copy[i] = redacted;
            }
        }

        return copy is null ? sequence : new SequenceValue(copy);
    }

    private LogEventPropertyValue RedactDictionary(DictionaryValue dictionary)
    {
        List<KeyValuePair<ScalarValue, LogEventPropertyValue>>? copy = null;
        var index = 0;
        foreach (var (key, value) in dictionary.Elements)
        {
            var redacted = Redact(key.Value?.ToString() ?? string.Empty, value);
            if (copy is null && !ReferenceEquals(redacted, value))
            {
                copy = [.. dictionary.Elements.Take(index)];
            }

            copy?.Add(new KeyValuePair<ScalarValue, LogEventPropertyValue>(key, redacted));
            index++;
        }

        return copy is null ? dictionary : new DictionaryValue(copy);
    }
}
