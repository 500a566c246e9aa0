using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Winyx.UserRpc.Chaos;

/// <summary>
/// <c>GET/PUT/DELETE /admin/chaos</c>, the fault-injection contract shared with the Api and Web;
/// mapped only when <c>Chaos:Enabled</c> is true and guarded by <c>X-Chaos-Key</c>.
/// </summary>
internal static class ChaosAdminApi
{
    /// <summary>Maps the admin API if chaos is enabled; otherwise the routes do not exist (404).</summary>
    public static IEndpointRouteBuilder MapChaosAdminApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<ChaosOptions>>().Value.Enabled)
        {
            return app;
        }

        var api = app.MapGroup("/admin/chaos").AddEndpointFilter<ChaosKeyFilter>().WithTags("Chaos");
        api.MapGet("", GetChaos).WithName("GetChaos").WithSummary("Shows the active fault settings.");
        api.MapPut("", PutChaos).WithName("PutChaos").WithSummary("Sets the faults to inject into gRPC methods.");
        api.MapDelete("", DeleteChaos).WithName("DeleteChaos").WithSummary("Turns fault injection off.");
        return app;
    }

    private static Ok<ChaosSettings> GetChaos(ChaosSwitch chaos) => TypedResults.Ok(chaos.Current);

    private static Results<Ok<ChaosSettings>, ValidationProblem> PutChaos(ChaosSettings settings, ChaosSwitch chaos)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        chaos.Set(settings);
        return TypedResults.Ok(settings);
    }

    private static NoContent DeleteChaos(ChaosSwitch chaos)
    {
        chaos.Clear();
        return TypedResults.NoContent();
    }
}
