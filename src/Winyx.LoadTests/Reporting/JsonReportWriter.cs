using System.Text.Json;
using System.Text.Json.Serialization;

namespace Winyx.LoadTests.Reporting;

/// <summary>
/// The whole result as JSON (camelCase): test name, start, duration, scenarios with their ok/fail
/// stats, steps, corrected latency, scheduler lag and drops, the per-interval timelines, thresholds
/// and the alert timeline. Durations are written as seconds.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new SecondsConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <inheritdoc />
    public string Extension => "json";

    /// <inheritdoc />
    public void Write(LoadReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var result = report.Result;
        var document = new
        {
            result.TestName,
            result.StartedAt,
            DurationSeconds = result.Duration,
            result.ExitCode,
            result.Aborted,
            result.AbortReason,
            result.Scenarios,
            result.Timelines,
            result.Thresholds,
            report.AlertTimeline,
        };
        writer.Write(JsonSerializer.Serialize(document, Options));
        writer.Write('\n');
    }

    /// <summary>TimeSpan as fractional seconds: easier for scripts than "00:00:01.5".</summary>
    private sealed class SecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeSpan.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value.TotalSeconds, 6));
    }
}
