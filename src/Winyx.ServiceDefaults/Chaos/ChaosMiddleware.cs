using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Winyx.ServiceDefaults.Telemetry;

namespace Winyx.ServiceDefaults.Chaos;

/// <summary>
/// Injects the chaos switch's latency before the endpoint runs, then fails the chosen share of requests.
/// Runs after routing, so it sees the endpoint; faults travel the same path as real ones (status codes,
/// HTTP metrics, error pages), which is what the alert proofs need.
/// </summary>
internal sealed partial class ChaosMiddleware(
    RequestDelegate next, ChaosSwitch chaos, ChaosHttpOptions options, ILogger<ChaosMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!chaos.IsActive || TargetOf(context) is not { } target)
        {
            await next(context);
            return;
        }

        var decision = chaos.Decide(target);
        await decision.DelayAsync(context.RequestAborted);

        if (!decision.Fail)
        {
            await next(context);
            return;
        }

        if (options.Failure == ChaosFailureMode.Exception)
        {
            throw new ChaosFaultException(target);
        }

        LogInjectedFault(logger, target);
        context.Response.Headers["X-Chaos"] = "error";
        await TypedResults.Problem(
            title: "Injected fault",
            detail: "Fault injection (chaos) is active for this route.",
            statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
    }

    private string? TargetOf(HttpContext context)
    {
        // Never the probes, the scrape or the switch itself; never an error or status page re-executing
        // the request either, or the user would get an empty 500 instead of the friendly page.
        if (DefaultEndpointPaths.IsInfrastructure(context.Request.Path)
            || context.GetEndpoint()?.Metadata.GetMetadata<ChaosExemptAttribute>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return null;
        }

        return options.Target(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chaos: injected a 500 on {Target}")]
    private static partial void LogInjectedFault(ILogger logger, string target);
}
