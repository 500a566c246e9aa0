using OpenTelemetry;
using OpenTelemetry.Logs;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Telemetry;

/// <summary>
/// Redacts exceptions on their way to OpenTelemetry log exporters. Serilog's enricher redacts every
/// property before the OpenTelemetry logger provider sees a record, but an exception cannot be changed
/// on a Serilog event; this processor, registered ahead of the OTLP exporter, swaps it for a
/// <see cref="RedactedException"/> when its text holds a secret.
/// </summary>
internal sealed class ExceptionRedactingProcessor : BaseProcessor<LogRecord>
{
    private readonly SecretRedactor _redactor;

    public ExceptionRedactingProcessor(SecretRedactor redactor)
    {
        _redactor = redactor;
    }

    public override void OnEnd(LogRecord data)
    {
        if (data.Exception is null or RedactedException)
        {
            return;
        }

        var text = data.Exception.ToString();
        if (_redactor.RedactText(text) != text)
        {
            data.Exception = new RedactedException(data.Exception, _redactor);
        }
    }
}
