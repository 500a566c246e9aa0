using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Winyx.LoadTests.AlertProof.Observation;
using Winyx.LoadTests.Reporting;
using Winyx.LoadTests.Runner;

namespace Winyx.LoadTests.AlertProof.Reporting;

/// <summary>
/// Writes the proof's files: <c>alert-proof.json</c> (one entry per alert), <c>alert-proof-run.json</c>
/// (the run: cases, healthy load, precision and recall), <c>report.md</c>, <c>report.html</c>, and
/// each case's load reports under <c>loads/&lt;case&gt;/</c> with the alerts drawn on them.
/// </summary>
public static class AlertProofReports
{
    /// <summary>camelCase, indented, nulls kept (a reader sees every field).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes every file into <paramref name="directory"/>.</summary>
    public static void Write(string directory, AlertProofRun run, IReadOnlyList<AlertSpan> spans, IReadOnlyList<(string Case, RunResult Result)> loads)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(loads);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "alert-proof.json"), JsonSerializer.Serialize(run.Entries, Json));
        File.WriteAllText(Path.Combine(directory, "alert-proof-run.json"), JsonSerializer.Serialize(run, Json));
        var loadLinks = WriteLoadReports(directory, spans, loads);
        File.WriteAllText(Path.Combine(directory, "report.md"), AlertProofMarkdown.Render(run));
        File.WriteAllText(Path.Combine(directory, "report.html"), AlertProofHtml.Render(run, spans, loadLinks));
    }

    private static IReadOnlyDictionary<string, string> WriteLoadReports(string directory, IReadOnlyList<AlertSpan> spans, IReadOnlyList<(string Case, RunResult Result)> loads)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in loads.GroupBy(l => l.Case, StringComparer.Ordinal))
        {
            var index = 0;
            foreach (var (caseName, result) in group)
            {
                var end = result.StartedAt + result.Duration;
                var timeline = spans.Where(s => s.FiringAt is { } f && f <= end && (s.EndedAt ?? DateTimeOffset.MaxValue) >= result.StartedAt)
                    .Select(s => new AlertTimelineEntry(s.Identity, s.FiringAt!.Value, s.EndedAt)).ToList();
                var name = index++ == 0 ? "load" : $"load-{index}";
                var folder = Path.Combine(directory, "loads", caseName);
                ReportSet.WriteAll(new LoadReport(result) { AlertTimeline = timeline }, folder, name);
                links.TryAdd(caseName, $"loads/{caseName}/{name}.html");
            }
        }

        return links;
    }
}
