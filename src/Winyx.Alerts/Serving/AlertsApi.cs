using Microsoft.AspNetCore.Http.HttpResults;
using Winyx.Alerts.Firing;
using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Serving;

/// <summary>The read API: <c>GET /api/notifications</c> and <c>GET /api/alerts</c>.</summary>
public static class AlertsApi
{
    /// <summary>Maps the read routes.</summary>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api").WithTags("Alerts");
        api.MapGet("/notifications", GetNotifications)
            .WithName("ListNotifications")
            .WithSummary("List notifications")
            .WithDescription("Notifications received, oldest first; filtered by since (RFC 3339 or Unix seconds), alertname, receiver and status.");
        api.MapGet("/alerts", GetAlertsAsync)
            .WithName("ListFiringAlerts")
            .WithSummary("List the alerts firing now")
            .WithDescription("Merged from the notifications, Alertmanager and Prometheus; each names its sources.");
        return app;
    }

    /// <summary>List notifications</summary>
    public static Results<Ok<IEnumerable<NotificationView>>, ProblemHttpResult> GetNotifications(
        NotificationStore store, string? since, string? alertname, string? receiver, string? status)
    {
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!InstantParser.TryParse(since, out var instant))
            {
                return TypedResults.Problem(
                    title: "Invalid query parameter",
                    detail: $"'since' must be an RFC 3339 time or Unix seconds; got '{since}'.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["parameter"] = "since" });
            }

            from = instant;
        }

        var query = new NotificationQuery
        {
            Since = from,
            Alertname = Blank(alertname),
            Receiver = Blank(receiver),
            Status = Blank(status),
        };
        return TypedResults.Ok(store.Query(query).Select(NotificationView.Of));
    }

    /// <summary>List the alerts firing now</summary>
    public static async Task<Ok<IReadOnlyList<FiringAlert>>> GetAlertsAsync(FiringAlertsService alerts, ILogger<FiringAlertsService> logger, CancellationToken ct)
    {
        var report = await alerts.GetAsync(ct);
        foreach (var problem in report.Problems)
        {
            logger.LogWarning("Firing alerts are incomplete: {Problem}", problem);
        }

        return TypedResults.Ok(report.Alerts);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
