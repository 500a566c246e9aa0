using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Telemetry;

/// <summary>
/// Stands in for an exception whose text held a secret, so exporters that print exceptions
/// (message, <c>ToString()</c>) print the redacted text. The original type leads the text.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    /// <summary>Wraps the redacted text of <paramref name="original"/>.</summary>
    public RedactedException(Exception original, SecretRedactor redactor)
        : base(redactor?.RedactText(original?.Message ?? string.Empty))
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(redactor);
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _text = redactor.RedactText(original.ToString());
        _stackTrace = original.StackTrace;
    }

    /// <summary>The full name of the exception type that was redacted.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    /// <inheritdoc />
    public override string ToString() => _text;
}
