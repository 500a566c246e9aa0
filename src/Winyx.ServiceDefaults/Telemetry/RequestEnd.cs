using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Winyx.ServiceDefaults.Telemetry;

/// <summary>
/// How the rest of the pipeline ended for one request, as the access log and the HTTP metrics both
/// report it: whether it threw, its status and how long it took.
/// </summary>
internal readonly record struct RequestEnd(HttpContext Context, long StartedTimestamp, bool Failed)
{
    /// <summary>
    /// The response's status, or 500 when an exception escaped the pipeline and the response had not
    /// started: the server turns such a request into a 500. Read when asked, so it sees the response as it is then.
    /// </summary>
    public int Status =>
        Failed && !Context.Response.HasStarted ? StatusCodes.Status500InternalServerError : Context.Response.StatusCode;

    /// <summary>The time since the request entered the observing middleware.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedTimestamp);

    /// <summary>
    /// Runs <paramref name="next"/>, then <paramref name="completed"/> with <paramref name="state"/> whether it
    /// returned or threw; an exception still propagates once <paramref name="completed"/> has run.
    /// </summary>
    /// <remarks>
    /// The state is passed, not captured: with a static <paramref name="completed"/>, observing a request
    /// allocates no closure and no delegate (two middlewares observe every request).
    /// </remarks>
    public static async Task ObserveAsync<TState>(RequestDelegate next, HttpContext context, TState state, Func<RequestEnd, TState, Task> completed)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            await completed(new RequestEnd(context, started, failed), state);
        }
    }
}
