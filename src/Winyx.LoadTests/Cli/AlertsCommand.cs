using Winyx.LoadTests.AlertProof;

namespace Winyx.LoadTests.Cli;

/// <summary>
/// The <c>alerts</c> command: <c>alerts --isolated --out DIR [--time-scale N] [--only CASE,…]</c>
/// runs the alert proof and exits 0 only when every alert is proven (or honestly promtool-only).
/// </summary>
internal static class AlertsCommand
{
    public const string Usage = "alerts --isolated --out DIR [--time-scale N] [--only CASE,...]   prove every alert fires, routes and resolves";

    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal) { "--out", "--time-scale", "--only" };
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "--isolated" };

    public static AlertProofOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, ValueFlags, Switches);
        if (!reader.Has("--isolated"))
        {
            // The proof stops and starts resources and lowers thresholds at start: it needs a fleet of its own.
            throw new UsageException("alerts needs --isolated: the proof starts its own time-compressed fleet from the AppHost");
        }

        var output = reader.String("--out") ?? throw new UsageException("alerts needs --out DIR");
        var scale = reader.Double("--time-scale", 1, 600) ?? AlertProofOptions.DefaultTimeScale;
        var only = (reader.String("--only") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new AlertProofOptions(Path.GetFullPath(output), scale, only);
    }

    public static async Task<int> RunAsync(AlertProofOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var run = await AlertProof.AlertProof.RunAsync(options, output, cancellationToken).ConfigureAwait(false);
        return run.Passed ? 0 : 1;
    }
}
