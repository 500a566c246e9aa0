using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Health;

/// <summary>
/// Writes a health report as JSON naming each dependency (seed 002's health check):
/// <c>{"status":"Unhealthy","totalDurationMs":12.5,"checks":{"mysql":{"status":"Unhealthy",
/// "description":"…","durationMs":12.1,"tags":[]}}}</c>. Exception messages go through the redactor:
/// a failed connection may echo its connection string.
/// </summary>
internal static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var redactor = context.RequestServices.GetRequiredService<SecretRedactor>();
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("totalDurationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 3));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            WriteEntry(json, name, entry, redactor);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteEntry(Utf8JsonWriter json, string name, HealthReportEntry entry, SecretRedactor redactor)
    {
        json.WriteStartObject(name);
        json.WriteString("status", entry.Status.ToString());
        var description = entry.Description ?? entry.Exception?.Message;
        if (description is not null)
        {
            json.WriteString("description", redactor.RedactText(description));
        }

        json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 3));
        if (entry.Exception is not null)
        {
            json.WriteString("error", entry.Exception.GetType().Name);
        }

        json.WriteStartArray("tags");
        foreach (var tag in entry.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
