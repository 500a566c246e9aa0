using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Winyx.Api.Chaos;

/// <summary>
/// The chaos admin contract shared by api, userrpc and web: <c>GET|PUT|DELETE /admin/chaos</c>, guarded by
/// <c>X-Chaos-Key</c>. Not mapped at all unless <c>Chaos:Enabled</c> is true.
/// </summary>
public static partial class ChaosApi
{
    /// <summary>The header carrying the admin key.</summary>
    public const string KeyHeader = "X-Chaos-Key";

    /// <summary>The longest latency one may inject.</summary>
    public const int MaxLatencyMs = 60_000;

    /// <summary>Maps the admin routes when chaos is enabled.</summary>
    public static IEndpointRouteBuilder MapChaosApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<ChaosOptions>>().Value.Enabled)
        {
            return app;
        }

        var admin = app.MapGroup("admin/chaos")
            .WithTags("Chaos")
            .ExcludeFromDescription()
            .WithMetadata(new ChaosExemptAttribute())
            .AddEndpointFilter(RequireKeyAsync);
        admin.MapGet("", (ChaosState state) => TypedResults.Ok(state.Current)).WithName("GetChaos");
        admin.MapPut("", Set).WithName("SetChaos");
        admin.MapDelete("", Clear).WithName("ClearChaos");
        return app;
    }

    private static Results<Ok<ChaosSettings>, ValidationProblem> Set(ChaosUpdateRequest request, ChaosState state, ILogger<ChaosState> logger)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.ErrorRatio is { } ratio && !(ratio >= 0 && ratio <= 1))
        {
            errors["errorRatio"] = ["errorRatio must be between 0 and 1."];
        }

        if (request.LatencyMs is < 0 or > MaxLatencyMs)
        {
            errors["latencyMs"] = [$"latencyMs must be between 0 and {MaxLatencyMs}."];
        }

        if (request.Routes?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors["routes"] = ["routes must not contain empty entries."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var settings = new ChaosSettings(request.ErrorRatio ?? 0, request.LatencyMs ?? 0,
            (request.Routes ?? []).Select(ChaosTarget.Normalize).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        state.Set(settings);
        LogSet(logger, settings.ErrorRatio, settings.LatencyMs, settings.Routes.Count == 0 ? "all" : string.Join(", ", settings.Routes));
        return TypedResults.Ok(settings);
    }

    private static NoContent Clear(ChaosState state, ILogger<ChaosState> logger)
    {
        state.Clear();
        LogCleared(logger);
        return TypedResults.NoContent();
    }

    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // ChaosExtensions refuses to start with chaos enabled and no key, so the key is set here.
        var key = http.RequestServices.GetRequiredService<IOptions<ChaosOptions>>().Value.Key ?? string.Empty;
        var given = http.Request.Headers[KeyHeader].ToString();
        // Fixed-time comparison: response timing must not reveal how much of the key matched.
        if (key.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            return TypedResults.Problem(title: "Chaos key missing or wrong",
                detail: $"Send the key as {KeyHeader}.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chaos set: errorRatio={ErrorRatio} latencyMs={LatencyMs} routes={Routes}")]
    private static partial void LogSet(ILogger logger, double errorRatio, int latencyMs, string routes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chaos cleared")]
    private static partial void LogCleared(ILogger logger);
}
