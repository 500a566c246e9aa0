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

    private LogEventPropertyValue RedactStructure(StructureValue structure)
    {
        var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Name, p.Value))).ToList();
        return properties.Select(p => p.Value).SequenceEqual(structure.Properties.Select(p => p.Value), ReferenceEqualityComparer.Instance)
            ? structure
            : new StructureValue(properties, structure.TypeTag);
    }

    private LogEventPropertyValue RedactSequence(SequenceValue sequence)
    {
        var elements = sequence.Elements.Select(Redact).ToList();
        return elements.SequenceEqual(sequence.Elements, ReferenceEqualityComparer.Instance) ? sequence : new SequenceValue(elements);
    }

    private LogEventPropertyValue RedactDictionary(DictionaryValue dictionary)
    {
        var redacted = dictionary.Elements.Select(pair => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
            pair.Key,
            Redact(pair.Key.Value?.ToString() ?? string.Empty, pair.Value))).ToList();
        return redacted.Select(p => p.Value).SequenceEqual(dictionary.Elements.Values, ReferenceEqualityComparer.Instance)
            ? dictionary
            : new DictionaryValue(redacted);
    }
}
