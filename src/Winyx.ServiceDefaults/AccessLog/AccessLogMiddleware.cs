using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog.Context;
using Winyx.ServiceDefaults.Logging;
using Winyx.ServiceDefaults.Redaction;
using Winyx.ServiceDefaults.Telemetry;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// One JSON record per request (seed 000 §5.2.1) and the request id: taken from <c>X-Request-Id</c> or
/// made from the trace id, echoed in the response, tagged on the request's activity and pushed on the
/// log context so every record written while serving the request carries it. Error responses also log
/// both bodies, cut at <see cref="AccessLogOptions.MaxBodyBytes"/> and redacted — the seed logged them in clear.
/// </summary>
/// <remarks>
/// A record with bodies (status at least <see cref="AccessLogOptions.BodyFromStatus"/>) goes through the
/// logger, so it reaches every output including OTLP; any other record is queued for the log pump (<see cref="AccessLogEntry"/>) and reaches the console, the files
/// and <c>log_records_total</c>, while its span carries the request to OTLP.
/// </remarks>
internal sealed class AccessLogMiddleware
{
    private static readonly TimeSpan RestOfBodyTimeout = TimeSpan.FromSeconds(1);

    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly AccessLogOptions _options;
    private readonly SecretRedactor _redactor;
    private readonly LogQueueSink _queue;

    public AccessLogMiddleware(RequestDelegate next, ILoggerFactory loggerFactory, IOptions<AccessLogOptions> options, SecretRedactor redactor, LogQueueSink queue)
    {
        _next = next;
        _logger = loggerFactory.CreateLogger(AccessLogOptions.Category);
        _options = options.Value;
        _redactor = redactor;
        _queue = queue;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (DefaultEndpointPaths.IsInfrastructure(context.Request.Path))
        {
            await _next(context);
            return;
        }

        var requestId = RequestIds.Resolve(context);
        Activity.Current?.SetTag(RequestIds.ActivityTag, requestId);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIds.HeaderName] = requestId;
            return Task.CompletedTask;
        });

        // Serilog's log context: one property for every record of the request, without a scope on every logger provider.
        using var scope = LogContext.PushProperty(LogFields.RequestId, requestId);
        if (!_options.Enabled)
        {
            await _next(context);
            return;
        }

        await InvokeLoggedAsync(context, requestId);
    }

    private async Task InvokeLoggedAsync(HttpContext context, string requestId)
    {
        using var capture = BodyCapture.Attach(context, _options.MaxBodyBytes, _options.BodyFromStatus);
        await RequestEnd.ObserveAsync(_next, context, (Log: this, requestId, capture), static (end, state) =>
            state.Log.CompleteAsync(end, state.requestId, state.capture));
    }

    private async Task CompleteAsync(RequestEnd end, string requestId, BodyCapture capture)
    {
        capture.Detach();
        try
        {
            await WriteRecordAsync(end.Context, requestId, end.Status, end.Elapsed, capture);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logging must never fail a request that has been served; say so without the details,
            // which could hold the very body that failed to redact.
            _logger.LogWarning("Could not write the access-log record: {ErrorType}", ex.GetType().Name);
        }
    }

    private async Task WriteRecordAsync(HttpContext context, string requestId, int status, TimeSpan elapsed, BodyCapture capture)
    {
        if (!LogsBodies(status))
        {
            // No bodies to log: the values are queued, and the log pump writes the record (AccessLogEntry).
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _queue.TryWrite(AccessLogEntry.Capture(context, requestId, status, elapsed, _redactor));
            }

            return;
        }

        var entry = AccessLogEntry.Capture(context, requestId, status, elapsed, _redactor);
        await capture.ReadRestOfRequestAsync(RestOfBodyTimeout);
        var requestBody = BodyText.Describe(capture.Request, context.Request.ContentType, _redactor);
        var responseBody = BodyText.Describe(capture.Response, context.Response.ContentType, _redactor);
        _logger.Log(LogLevel.Information, AccessLogRecord.EventId, new AccessLogRecord(entry.Fields(requestBody, responseBody)), null, AccessLogRecord.Format);
    }

    private bool LogsBodies(int status) => status >= _options.BodyFromStatus;
}
