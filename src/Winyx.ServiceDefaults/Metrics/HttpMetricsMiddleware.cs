using Microsoft.AspNetCore.Http;
using Winyx.ServiceDefaults.Telemetry;

namespace Winyx.ServiceDefaults.Metrics;

/// <summary>Records <see cref="HttpMetrics"/> for every request except probes and scrapes.</summary>
internal sealed class HttpMetricsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly HttpMetrics _metrics;

    public HttpMetricsMiddleware(RequestDelegate next, HttpMetrics metrics)
    {
        _next = next;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (DefaultEndpointPaths.IsInfrastructure(context.Request.Path))
        {
            await _next(context);
            return;
        }

        // The endpoint is read afterwards, so routing may run before or after this middleware.
        await RequestEnd.ObserveAsync(_next, context, _metrics, static (end, metrics) =>
        {
            metrics.Record(EndpointLabel.Method(end.Context.Request), EndpointLabel.Of(end.Context), end.Status, end.Elapsed);
            return Task.CompletedTask;
        });
    }
}
