using System.Diagnostics;

namespace Winyx.Web.Telemetry;

/// <summary>
/// Times each page response end to end (rendering, Api calls, error re-execution) into
/// <c>frontend_render_duration_seconds{page}</c>. Sits first in the pipeline, after routing, so
/// the page is known before an error or a 404 re-executes the request elsewhere.
/// </summary>
public sealed class PageTimingMiddleware(RequestDelegate next, WebMetrics metrics)
{
    /// <summary>Runs the rest of the pipeline and records page requests.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var page = PageEndpoint.NameOf(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            page ??= context.Response.StatusCode == StatusCodes.Status404NotFound ? PageEndpoint.NotFound : null;
            if (page is not null)
            {
                metrics.RecordRender(page, Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
