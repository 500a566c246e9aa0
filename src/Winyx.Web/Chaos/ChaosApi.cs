using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Winyx.Web.Chaos;

/// <summary>
/// The chaos admin endpoints shared by every Winyx service: <c>GET/PUT/DELETE /admin/chaos</c>,
/// guarded by <c>X-Chaos-Key</c>. Here <c>routes</c> are page route templates.
/// </summary>
public static class ChaosApi
{
    /// <summary>The header carrying the admin key.</summary>
    public const string KeyHeader = "X-Chaos-Key";

    /// <summary>Maps the admin endpoints when <c>Chaos:Enabled</c> is true; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapChaosApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<ChaosOptions>>().Value.Enabled)
        {
            return app;
        }

        var group = app.MapGroup("/admin/chaos").AddEndpointFilter(RequireKeyAsync).DisableAntiforgery();
        group.MapGet("/", (ChaosState state) => TypedResults.Ok(state.Current)).WithName("GetChaos");
        group.MapPut("/", SetChaos).WithName("SetChaos");
        group.MapDelete("/", (ChaosState state) =>
        {
            state.Reset();
            return TypedResults.NoContent();
        }).WithName("ResetChaos");
        return app;
    }

    private static Results<Ok<ChaosSettings>, ValidationProblem> SetChaos(ChaosSettings settings, ChaosState state)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var normalized = settings with { Routes = settings.Routes ?? [] };
        state.Set(normalized);
        return TypedResults.Ok(normalized);
    }

    private static async ValueTask<object?> RequireKeyAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.RequestServices.GetRequiredService<IOptions<ChaosOptions>>().Value.Key;
        if (string.IsNullOrEmpty(key))
        {
            return TypedResults.Problem(
                "Chaos__Key is not configured.", statusCode: StatusCodes.Status403Forbidden);
        }

        var given = http.Request.Headers[KeyHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            return TypedResults.Problem(
                $"Missing or wrong {KeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
