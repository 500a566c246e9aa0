using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Winyx.Api.Chaos;

/// <summary>
/// Injects the configured latency, then the configured error ratio (500 problem details), before the
/// endpoint runs. Runs after routing, so it sees the endpoint's route template; faults show up in the
/// HTTP metrics exactly like real ones, which is what the alert proofs need.
/// </summary>
public sealed partial class ChaosMiddleware(
    RequestDelegate next, ChaosState state, IOptions<ChaosOptions> options, IProblemDetailsService problems, ILogger<ChaosMiddleware> logger)
{
    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = state.Current;
        if (!settings.IsActive || Target(context) is not { } target || !settings.Targets(target))
        {
            await next(context);
            return;
        }

        if (settings.LatencyMs > 0)
        {
            await Task.Delay(settings.LatencyMs, context.RequestAborted);
        }

        // Not security-relevant randomness: it only picks which requests fail.
#pragma warning disable CA5394
        var fail = settings.ErrorRatio > 0 && Random.Shared.NextDouble() < settings.ErrorRatio;
#pragma warning restore CA5394
        if (!fail)
        {
            await next(context);
            return;
        }

        LogInjectedFault(logger, target);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.Headers["X-Chaos"] = "error";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Injected fault",
                Detail = "Fault injection (chaos) is active for this route.",
            },
        });
    }

    private string? Target(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ChaosExemptAttribute>() is not null)
        {
            return null;
        }

        var target = options.Value.TargetOf(context);
        return target is null || options.Value.ExemptTargets.Contains(target, StringComparer.OrdinalIgnoreCase) ? null : target;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chaos: injected a 500 on {Target}")]
    private static partial void LogInjectedFault(ILogger logger, string target);
}
