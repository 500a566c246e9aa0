using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Winyx.ServiceDefaults.Chaos;

/// <summary>
/// <c>GET|PUT|DELETE /admin/chaos</c>, the fault-injection contract of every Winyx service, guarded by
/// <c>X-Chaos-Key</c>. Not mapped at all (so 404) unless <c>Chaos:Enabled</c> is true.
/// </summary>
public static partial class ChaosAdminApi
{
    /// <summary>The path of the admin API.</summary>
    public const string Path = "/admin/chaos";

    /// <summary>The header carrying the admin key.</summary>
    public const string KeyHeader = "X-Chaos-Key";

    /// <summary>
    /// Maps the admin API when chaos is enabled; <c>MapDefaultEndpoints()</c> calls it, so services do not.
    /// Served on every port the app listens on (UserRpc's HTTP/1.1 management port included).
    /// </summary>
    public static IEndpointRouteBuilder MapChaosAdmin(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<IOptions<ChaosOptions>>()?.Value.Enabled != true)
        {
            return app;
        }

        var admin = app.MapGroup(Path)
            .WithTags("Chaos")
            .ExcludeFromDescription()
            .DisableAntiforgery()
            .WithMetadata(new ChaosExemptAttribute())
            .AddEndpointFilter(RequireKeyAsync);
        admin.MapGet(string.Empty, (ChaosSwitch chaos) => TypedResults.Ok(chaos.Current)).WithName("GetChaos");
        admin.MapPut(string.Empty, Set).WithName("SetChaos");
        admin.MapDelete(string.Empty, Clear).WithName("ClearChaos");
        return app;
    }

    private static Results<Ok<ChaosSettings>, ValidationProblem> Set(ChaosSettings settings, ChaosSwitch chaos, ILogger<ChaosSwitch> logger)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var active = chaos.Set(settings);
        LogSet(logger, active.ErrorRatio, active.LatencyMs, active.Routes.Count == 0 ? "all" : string.Join(", ", active.Routes));
        return TypedResults.Ok(active);
    }

    private static NoContent Clear(ChaosSwitch chaos, ILogger<ChaosSwitch> logger)
    {
        chaos.Clear();
        LogCleared(logger);
        return TypedResults.NoContent();
    }

    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Start-up validation refuses Enabled without a key; the length check only guards against a bypass.
        var key = http.RequestServices.GetRequiredService<IOptions<ChaosOptions>>().Value.Key ?? string.Empty;
        var given = http.Request.Headers[KeyHeader].ToString();
        // Fixed-time comparison: response timing must not reveal how much of the key matched.
        if (key.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            return TypedResults.Problem(
                title: "Chaos key missing or wrong",
                detail: $"Send the key as {KeyHeader}.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chaos set: errorRatio={ErrorRatio} latencyMs={LatencyMs} routes={Routes}")]
    private static partial void LogSet(ILogger logger, double errorRatio, int latencyMs, string routes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chaos cleared")]
    private static partial void LogCleared(ILogger logger);
}
