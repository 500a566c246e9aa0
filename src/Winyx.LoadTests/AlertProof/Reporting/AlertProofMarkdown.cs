using System.Globalization;
using System.Text;

namespace Winyx.LoadTests.AlertProof.Reporting;

/// <summary><c>report.md</c>: the verdict, one row per alert, one per case.</summary>
public static class AlertProofMarkdown
{
    /// <summary>The Markdown text.</summary>
    public static string Render(AlertProofRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var md = new StringBuilder();
        md.AppendLine("# Winyx alert proof").AppendLine();
        foreach (var line in AlertProofSummary.Lines(run))
        {
            md.Append("- ").AppendLine(line);
        }

        md.AppendLine().AppendLine("## Alerts").AppendLine();
        md.AppendLine("| alert | catalog | status | severity | fault | detection s | theoretical min s | ratio | receivers | resolved s | override / reason |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var e in run.Entries)
        {
            md.AppendLine(F($"| {e.Name} | {(e.Catalog ? "yes" : "")} | {e.Status} | {e.Severity} | {Cell(e.Fault)} | {e.DetectionSeconds:0.0} | {e.TheoreticalMinimumSeconds:0.0} | {e.DetectionSeconds / e.TheoreticalMinimumSeconds:0.00} | {string.Join(", ", e.NotifiedReceivers)} | {e.ResolvedSeconds:0.0} | {Cell(e.Override ?? e.Reason)} |"));
        }

        md.AppendLine().AppendLine("## Cases").AppendLine();
        md.AppendLine("| case | fault | expected | observed | unexpected | checks | result |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in run.Cases)
        {
            var checks = string.Join("; ", c.Checks.Select(k => $"{k.Name}: {(k.Passed ? "held" : "FAILED")} ({k.Detail})"));
            md.AppendLine($"| {c.Name} | {Cell(c.Fault)} | {string.Join(", ", c.Outcomes.Select(o => $"{o.Name}/{o.Severity}"))} | {Cell(string.Join(", ", c.Observed))} | {Cell(string.Join(", ", c.Unexpected))} | {Cell(checks)} | {(c.Passed ? "passed" : "FAILED" + (c.Error is null ? "" : ": " + Cell(c.Error)))} |");
        }

        return md.ToString();
    }

    private static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
