using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Winyx.ServiceDefaults.AccessLog;
using Winyx.ServiceDefaults.Logging;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.Bench.AccessLogLine;

/// <summary>
/// What the access log costs per record of a successful request, on one core, apart from the network:
/// capturing it on the request's thread, and the log pump writing it: the line written directly (the
/// console's path now), against the Serilog event built, run through the redaction enricher and formatted
/// (the console's path before bench/RESULTS.md's fourth pass; the files now get the event without the
/// enricher, its values come redacted). Both write the same line (AccessLogTests checks that).
/// </summary>
[MemoryDiagnoser]
public class AccessLogLineBenchmarks
{
    private readonly SecretRedactor _redactor = new();
    private readonly LogBatch _batch = new(1024 * 1024);
    private SecretRedactionEnricher _redaction = null!;
    private JsonLogFormatter _formatter = null!;
    private DefaultHttpContext _context = null!;
    private AccessLogEntry _entry = null!;

    [GlobalSetup]
    public void SetUp()
    {
        _redaction = new SecretRedactionEnricher(_redactor);
        _formatter = new JsonLogFormatter(_redactor);
        _context = new DefaultHttpContext();
        _context.Request.Method = HttpMethods.Get;
        _context.Request.Path = "/api/users/42";
        _context.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
        _context.Connection.RemoteIpAddress = IPAddress.Loopback;
        _entry = NewEntry();
    }

    [Benchmark(Description = "capture (request thread)")]
    public object Capture() => NewEntry();

    private AccessLogEntry NewEntry() =>
        AccessLogEntry.Capture(_context, "4bf92f3577b34da6a3ce929d0e0e4736", StatusCodes.Status200OK, TimeSpan.FromTicks(12_345), _redactor);

    [Benchmark(Baseline = true, Description = "Serilog event: build, redact, format")]
    public int SerilogEvent()
    {
        _batch.Clear();
        var logEvent = _entry.Create();
        // The enricher replaces properties itself and never asks the factory for one.
        _redaction.Enrich(logEvent, null!);
        _formatter.Format(logEvent, _batch);
        return _batch.Length;
    }

    [Benchmark(Description = "line written directly")]
    public int DirectLine()
    {
        _batch.Clear();
        _entry.WriteJson(_batch);
        return _batch.Length;
    }
}
