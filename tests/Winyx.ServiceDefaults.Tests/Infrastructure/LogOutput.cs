using System.Text.Json;
using Winyx.ServiceDefaults.AccessLog;

namespace Winyx.ServiceDefaults.Tests.Infrastructure;

/// <summary>Reads the JSON log lines the hosts wrote to the console.</summary>
internal static class LogOutput
{
    /// <summary>Every console line that parses as a JSON object.</summary>
    public static IReadOnlyList<JsonElement> ConsoleRecords() =>
        ConsoleCapture.Lines.Select(TryParse).OfType<JsonElement>().ToList();

    /// <summary>Waits for the access-log record of the request with this id.</summary>
    public static Task<JsonElement?> AccessRecordAsync(string requestId) =>
        RecordAsync(r => Text(r, "category") == AccessLogOptions.Category && Text(r, "request_id") == requestId, $"the access-log record of request {requestId}");

    /// <summary>Waits for a console record matching <paramref name="predicate"/>.</summary>
    public static async Task<JsonElement?> RecordAsync(Func<JsonElement, bool> predicate, string what)
    {
        var box = await Poll.ForValueAsync(
            () => Task.FromResult(ConsoleRecords().Where(predicate).Select(r => new Box(r)).FirstOrDefault()),
            TestServiceHost.PollTimeout,
            what);
        return box.Record;
    }

    /// <summary>A string property of a record, or null.</summary>
    public static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? TryParse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Box(JsonElement Record);
}
