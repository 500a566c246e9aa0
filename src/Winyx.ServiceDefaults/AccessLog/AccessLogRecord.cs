using System.Collections;
using Microsoft.Extensions.Logging;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// The structured state of one access-log record (seed 000 §5.2.1). Logged as a list of named values so
/// every field becomes a property of the log event, hence a top-level field of the JSON line.
/// </summary>
internal sealed class AccessLogRecord : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The message template of every access-log record.</summary>
    public const string Template = "{method} {path} responded {status} in {duration_ms} ms";

    /// <summary>The event id of every access-log record.</summary>
    public static readonly EventId EventId = new(1, "AccessLog");

    private readonly List<KeyValuePair<string, object?>> _fields;

    public AccessLogRecord(AccessLogFields fields)
    {
        _fields = fields.Named();
        _fields.Add(new("{OriginalFormat}", Template));
        Message = fields.Message;
    }

    /// <summary>The rendered message, for providers that do not render templates themselves.</summary>
    public string Message { get; }

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public static string Format(AccessLogRecord record, Exception? exception) => record.Message;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
