using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Orchestrator;

namespace Winyx.Hosting.ControlApi;

/// <summary>
/// The control API (DESIGN.md): list resources, start/stop/restart one, traces (empty until the
/// dashboard's OTLP receiver lands), the alert webhook, and the token login with a minimal page.
/// </summary>
public static class ControlApiEndpoints
{
    /// <summary>Maps every endpoint on <paramref name="app"/>.</summary>
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").AddEndpointFilter<DashboardTokenFilter>();
        api.MapGet("/resources", GetResources).WithName("GetResources");
        api.MapGet("/resources/{name}", GetResource).WithName("GetResource");
        api.MapGet("/resources/{name}/logs", GetLogs).WithName("GetResourceLogs");
        api.MapPost("/resources/{name}/start", StartAsync).WithName("StartResource");
        api.MapPost("/resources/{name}/stop", StopAsync).WithName("StopResource");
        api.MapPost("/resources/{name}/restart", RestartAsync).WithName("RestartResource");
        api.MapGet("/telemetry/traces", GetTraces).WithName("GetTraces");
        api.MapPost("/alerts/webhook", ReceiveAlertsAsync).WithName("ReceiveAlerts");
        api.MapGet("/alerts", GetAlerts).WithName("GetAlerts");
        app.MapGet("/login", LoginPage.Login).WithName("Login");
        app.MapGet("/", LoginPage.Home).WithName("Home");
    }

    private static Ok<ResourceDto[]> GetResources(ResourceNotificationService notifications) =>
        TypedResults.Ok(notifications.GetSnapshots().Select(ResourceDto.From).ToArray());

    private static Results<Ok<ResourceDto>, ProblemHttpResult> GetResource(string name, ResourceNotificationService notifications) =>
        notifications.TryGetSnapshot(name) is { } snapshot ? TypedResults.Ok(ResourceDto.From(snapshot)) : UnknownResource(name);

    private static Results<Ok<string[]>, ProblemHttpResult> GetLogs(string name, ResourceNotificationService notifications, ResourceLoggerService logs, int? tail) =>
        notifications.TryGetSnapshot(name) is null
            ? UnknownResource(name)
            : TypedResults.Ok(logs.GetOutput(name).Tail(Math.Clamp(tail ?? 200, 1, 5000)).Select(l => l.Text).ToArray());

    private static Task<Results<Ok<ResourceDto>, Accepted<ResourceDto>, ProblemHttpResult>> StartAsync(string name, ApplicationOrchestrator orchestrator, ResourceNotificationService notifications) =>
        CommandAsync(name, orchestrator, notifications, orchestrator.StartResourceAsync, accepted: true);

    private static Task<Results<Ok<ResourceDto>, Accepted<ResourceDto>, ProblemHttpResult>> StopAsync(string name, ApplicationOrchestrator orchestrator, ResourceNotificationService notifications) =>
        CommandAsync(name, orchestrator, notifications, orchestrator.StopResourceAsync, accepted: false);

    private static Task<Results<Ok<ResourceDto>, Accepted<ResourceDto>, ProblemHttpResult>> RestartAsync(string name, ApplicationOrchestrator orchestrator, ResourceNotificationService notifications) =>
        CommandAsync(name, orchestrator, notifications, orchestrator.RestartResourceAsync, accepted: true);

    // Start and restart answer 202 (the resource is on its way); stop answers 200 once it has stopped.
    private static async Task<Results<Ok<ResourceDto>, Accepted<ResourceDto>, ProblemHttpResult>> CommandAsync(
        string name, ApplicationOrchestrator orchestrator, ResourceNotificationService notifications, Func<string, Task> command, bool accepted)
    {
        if (!orchestrator.IsControllable(name))
        {
            return notifications.TryGetSnapshot(name) is { Parent: { } parent }
                ? TypedResults.Problem(title: "Not controllable", detail: $"'{name}' lives in '{parent}': start or stop '{parent}'.", statusCode: StatusCodes.Status409Conflict)
                : UnknownResource(name);
        }

        await command(name).ConfigureAwait(false);
        var snapshot = ResourceDto.From(notifications.GetSnapshot(name));
        return accepted ? TypedResults.Accepted($"/api/resources/{name}", snapshot) : TypedResults.Ok(snapshot);
    }

    // The OTLP receiver and trace store arrive with the dashboard; the route exists so clients can rely on it.
    private static Ok<object[]> GetTraces(string? service, int? limit) => TypedResults.Ok(Array.Empty<object>());

    private static async Task<NoContent> ReceiveAlertsAsync(HttpRequest request, AlertNotificationStore alerts)
    {
        using var document = await System.Text.Json.JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
        alerts.Add(document.RootElement.Clone());
        return TypedResults.NoContent();
    }

    private static Ok<IReadOnlyList<AlertNotification>> GetAlerts(AlertNotificationStore alerts) => TypedResults.Ok(alerts.Snapshot());

    private static ProblemHttpResult UnknownResource(string name) =>
        TypedResults.Problem(title: "Unknown resource", detail: $"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound);
}
