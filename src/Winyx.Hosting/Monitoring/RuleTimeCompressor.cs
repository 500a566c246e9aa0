using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Renders Prometheus rule files for a <see cref="MonitoringTimeScale"/>: the same groups, rules,
/// labels and annotations, with every time in them compressed: each group's <c>interval:</c>,
/// each rule's <c>for:</c> and <c>keep_firing_for:</c>, and every range selector, subquery
/// range and resolution and <c>offset</c> inside <c>expr:</c> (see
/// <see cref="PromQlDurationRewriter"/>). Numbers of seconds inside expressions (such as
/// <c>time() - ts &gt; 25 * 3600</c>) are not durations and stay as they are; where a run needs
/// a lower threshold, an <see cref="AlertThresholdOverride"/> replaces it (see
/// <see cref="ThresholdRewriter"/>) and the rule gets a <c>threshold_override</c> annotation saying so.
/// </summary>
/// <example>
/// <code>
/// var scale = new MonitoringTimeScale(60);
/// var files = RuleTimeCompressor.CompressFiles(
///     Directory.GetFiles("monitoring/prometheus/rules", "*.yml"), ".winyx/prometheus/rules", scale);
/// // files: the rendered rule files, for PrometheusConfigModel.RuleFiles
///
/// // The same, with BackupTooOld's warning at 30 s instead of 25 h:
/// RuleTimeCompressor.CompressFiles(sources, target, scale, [AlertThresholdOverride.Parse("BackupTooOld:warning=30")]);
/// </code>
/// </example>
public static class RuleTimeCompressor
{
    /// <summary>The annotation naming an overridden threshold: <c>threshold_override: "0.31 (was 0.85)"</c>.</summary>
    public const string ThresholdOverrideAnnotation = "threshold_override";

    /// <summary>Returns the rule file text compressed by <paramref name="scale"/>.</summary>
    /// <param name="ruleYaml">The content of a Prometheus rule file (<c>groups:</c> at the root).</param>
    /// <param name="scale">The time scale.</param>
    /// <param name="sourceName">The file's name, for error messages and the header comment.</param>
    /// <param name="thresholds">
    /// Thresholds to replace (see <see cref="AlertThresholdOverride"/> and <see cref="ThresholdRewriter"/>);
    /// each must apply to a rule of this file.
    /// </param>
    /// <exception cref="InvalidDataException">
    /// The text is not a rule file or holds an unreadable duration; or a threshold override matches no
    /// rule, or matches one whose expression has no threshold it can replace.
    /// </exception>
    public static string Compress(string ruleYaml, MonitoringTimeScale scale, string sourceName = "rule file", IReadOnlyCollection<AlertThresholdOverride>? thresholds = null)
    {
        thresholds ??= [];
        RuleThresholds.ThrowIfAmbiguous(thresholds);
        var applied = new HashSet<AlertThresholdOverride>();
        var text = CompressCore(ruleYaml, scale, sourceName, thresholds, applied);
        ThrowIfUnapplied(thresholds, applied, sourceName);
        return text;
    }

    /// <summary>
    /// Compresses each rule file into <paramref name="outputDirectory"/> (created if needed) under
    /// its own file name, and returns the written paths in the order given. Each of
    /// <paramref name="thresholds"/> must apply to a rule of some file; nothing is written otherwise.
    /// </summary>
    /// <exception cref="InvalidDataException">As <see cref="Compress"/>.</exception>
    public static IReadOnlyList<string> CompressFiles(IEnumerable<string> ruleFiles, string outputDirectory, MonitoringTimeScale scale, IReadOnlyCollection<AlertThresholdOverride>? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(ruleFiles);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        thresholds ??= [];
        RuleThresholds.ThrowIfAmbiguous(thresholds);
        var applied = new HashSet<AlertThresholdOverride>();
        var rendered = ruleFiles
            .Select(source => (Source: source, Text: CompressCore(File.ReadAllText(source), scale, Path.GetFileName(source), thresholds, applied)))
            .ToList();
        ThrowIfUnapplied(thresholds, applied, "the rule files");

        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var (source, text) in rendered)
        {
            var target = Path.Combine(outputDirectory, Path.GetFileName(source));
            File.WriteAllText(target, text);
            written.Add(Path.GetFullPath(target));
        }

        return written;
    }

    private static string CompressCore(string ruleYaml, MonitoringTimeScale scale, string sourceName, IReadOnlyCollection<AlertThresholdOverride> thresholds, HashSet<AlertThresholdOverride> applied)
    {
        ArgumentNullException.ThrowIfNull(ruleYaml);
        ArgumentNullException.ThrowIfNull(scale);
        var root = YamlDocuments.LoadMapping(ruleYaml, sourceName);
        var groups = root.Sequence("groups")
            ?? throw new InvalidDataException($"{sourceName} has no 'groups:' sequence; it is not a Prometheus rule file.");
        var appliedHere = new List<AlertThresholdOverride>();
        foreach (var group in groups.Mappings())
        {
            CompressGroup(group, scale, sourceName);
            appliedHere.AddRange(RuleThresholds.Apply(group, thresholds, sourceName));
        }

        applied.UnionWith(appliedHere);
        var header = string.Create(
            CultureInfo.InvariantCulture,
            $"Rendered by Winyx.Hosting's RuleTimeCompressor from {sourceName}, time scale {scale.Factor:0.###}\n(durations divided, floored at {PrometheusDuration.Format(scale.DurationFloor)}). Edit the source, not this file.");
        if (appliedHere.Count > 0)
        {
            header += $"\nThresholds overridden for this run (see each rule's {ThresholdOverrideAnnotation} annotation): {string.Join(", ", appliedHere.Distinct())}.";
        }

        return YamlDocuments.Save(root, header);
    }

    private static void ThrowIfUnapplied(IReadOnlyCollection<AlertThresholdOverride> thresholds, HashSet<AlertThresholdOverride> applied, string where)
    {
        if (thresholds.FirstOrDefault(t => !applied.Contains(t)) is { } unapplied)
        {
            var severity = unapplied.Severity is null ? string.Empty : $" with severity '{unapplied.Severity}'";
            throw new InvalidDataException(
                $"Threshold override {unapplied} matches no alerting rule in {where}: no rule 'alert: {unapplied.Alert}'{severity} (or a more specific override covers every such rule).");
        }
    }

    private static void CompressGroup(YamlMappingNode group, MonitoringTimeScale scale, string sourceName)
    {
        var name = group.Scalar("name") ?? "(unnamed)";
        RewriteDuration(group, "interval", scale.CompressInterval, $"{sourceName}, group {name}");
        foreach (var rule in group.Sequence("rules").Mappings())
        {
            var ruleName = rule.Scalar("alert") ?? rule.Scalar("record") ?? "(unnamed)";
            var where = $"{sourceName}, group {name}, rule {ruleName}";
            RewriteDuration(rule, "for", scale.CompressDuration, where);
            RewriteDuration(rule, "keep_firing_for", scale.CompressDuration, where);
            if (rule.Scalar("expr") is { } expression)
            {
                rule.SetScalar("expr", RewriteExpression(expression, scale, where));
            }
        }
    }

    private static void RewriteDuration(YamlMappingNode node, string key, Func<TimeSpan, TimeSpan> compress, string where)
    {
        if (node.Scalar(key) is not { } text)
        {
            return;
        }

        var duration = PrometheusDuration.TryParse(text, out var parsed)
            ? parsed
            : throw new InvalidDataException($"{where}: '{key}: {text}' is not a Prometheus duration.");
        node.SetScalar(key, PrometheusDuration.Format(compress(duration)));
    }

    private static string RewriteExpression(string expression, MonitoringTimeScale scale, string where)
    {
        try
        {
            return PromQlDurationRewriter.Rewrite(expression, scale.CompressDuration);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{where}: {ex.Message}", ex);
        }
    }
}
