using Microsoft.AspNetCore.Diagnostics;
using Winyx.Web.Telemetry;

namespace Winyx.Web.Chaos;

/// <summary>
/// Injects the configured latency and failures into page requests. It runs inside the exception
/// handler, so an injected failure renders the friendly 500 page like any real one.
/// </summary>
public sealed class ChaosMiddleware(RequestDelegate next, ChaosState state)
{
    /// <summary>Applies the active faults, then runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = state.Current;
        if (PageEndpoint.NameOf(context) is { } page && !IsReExecution(context) && settings.Matches(page))
        {
            if (settings.LatencyMs > 0)
            {
                await Task.Delay(settings.LatencyMs, context.RequestAborted);
            }

            if (settings.ErrorRatio > 0 && Random.Shared.NextDouble() < settings.ErrorRatio)
            {
                throw new ChaosFaultException(page);
            }
        }

        await next(context);
    }

    // The error and not-found pages re-enter the pipeline; faulting them too would leave the
    // user with an empty 500 instead of the friendly page.
    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>() is not null
        || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
}
