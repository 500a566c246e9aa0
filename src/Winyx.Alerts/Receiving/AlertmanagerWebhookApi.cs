using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Winyx.Alerts.Ingestion;

namespace Winyx.Alerts.Receiving;

/// <summary>
/// The thin transport adapter: <c>POST /api/alertmanager/webhook</c> authenticates, parses, and hands
/// the payload to <see cref="NotificationIngestion"/>.
/// </summary>
public static class AlertmanagerWebhookApi
{
    /// <summary>The webhook's path, as <c>alertmanager.yml</c> names it.</summary>
    public const string Path = "/api/alertmanager/webhook";

    /// <summary>Maps the webhook.</summary>
    public static IEndpointRouteBuilder MapAlertmanagerWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync)
            .WithName("ReceiveAlertmanagerWebhook")
            .WithSummary("Receive an Alertmanager notification")
            .WithDescription("Alertmanager's webhook (payload version 4). Bearer token required: 401 without it, 400 for malformed JSON.")
            .WithTags("Webhook")
            .DisableAntiforgery();
        return app;
    }

    /// <summary>Receive an Alertmanager notification</summary>
    public static async Task<Results<Ok<WebhookReceipt>, UnauthorizedHttpResult, ProblemHttpResult, ValidationProblem>> ReceiveAsync(
        HttpRequest request,
        WebhookToken token,
        NotificationIngestion ingestion,
        AlertsMetrics metrics,
        IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        // Authenticate before reading a byte of the body: forged content is never parsed, let alone stored.
        if (!token.Authorizes(request))
        {
            metrics.Rejected("unauthorized");
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Unauthorized();
        }

        AlertmanagerWebhookPayload? payload;
        try
        {
            payload = await JsonSerializer.DeserializeAsync<AlertmanagerWebhookPayload>(request.Body, json.Value.SerializerOptions, ct);
        }
        catch (JsonException ex)
        {
            metrics.Rejected("malformed");
            return TypedResults.Problem(
                title: "Malformed webhook payload",
                detail: $"The body is not Alertmanager's webhook JSON: {ex.Message}",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (payload is null)
        {
            metrics.Rejected("malformed");
            return TypedResults.Problem(title: "Malformed webhook payload", detail: "The body is JSON null.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = ingestion.Ingest(payload);
        return result.Notification is { } stored
            ? TypedResults.Ok(new WebhookReceipt(stored.ReceivedAt, stored.Receiver, stored.Alerts.Count))
            : TypedResults.ValidationProblem(result.Errors, title: "Invalid webhook payload");
    }
}
