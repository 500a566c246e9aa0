using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Renders Prometheus rule files for a <see cref="MonitoringTimeScale"/>: the same groups, rules,
/// labels and annotations, with every time in them compressed: each group's <c>interval:</c>,
/// each rule's <c>for:</c> and <c>keep_firing_for:</c>, and every range selector, subquery
/// range and resolution and <c>offset</c> inside <c>expr:</c> (see
/// <see cref="PromQlDurationRewriter"/>). Numbers of seconds inside expressions (such as
/// <c>time() - ts &gt; 25 * 3600</c>) are not durations and stay as they are.
/// </summary>
/// <example>
/// <code>
/// var scale = new MonitoringTimeScale(60);
/// var files = RuleTimeCompressor.CompressFiles(
///     Directory.GetFiles("monitoring/prometheus/rules", "*.yml"), ".winyx/prometheus/rules", scale);
/// // files: the rendered rule files, for PrometheusConfigModel.RuleFiles
/// </code>
/// </example>
public static class RuleTimeCompressor
{
    /// <summary>Returns the rule file text compressed by <paramref name="scale"/>.</summary>
    /// <param name="ruleYaml">The content of a Prometheus rule file (<c>groups:</c> at the root).</param>
    /// <param name="scale">The time scale.</param>
    /// <param name="sourceName">The file's name, for error messages and the header comment.</param>
    /// <exception cref="InvalidDataException">The text is not a rule file or holds an unreadable duration.</exception>
    public static string Compress(string ruleYaml, MonitoringTimeScale scale, string sourceName = "rule file")
    {
        ArgumentNullException.ThrowIfNull(ruleYaml);
        ArgumentNullException.ThrowIfNull(scale);
        var root = YamlDocuments.LoadMapping(ruleYaml, sourceName);
        var groups = root.Sequence("groups")
            ?? throw new InvalidDataException($"{sourceName} has no 'groups:' sequence; it is not a Prometheus rule file.");
        foreach (var group in groups.Mappings())
        {
            CompressGroup(group, scale, sourceName);
        }

        var header = string.Create(
            CultureInfo.InvariantCulture,
            $"Rendered by Winyx.Hosting's RuleTimeCompressor from {sourceName}, time scale {scale.Factor:0.###}\n(durations divided, floored at {PrometheusDuration.Format(scale.DurationFloor)}). Edit the source, not this file.");
        return YamlDocuments.Save(root, header);
    }

    /// <summary>
    /// Compresses each rule file into <paramref name="outputDirectory"/> (created if needed) under
    /// its own file name, and returns the written paths in the order given.
    /// </summary>
    public static IReadOnlyList<string> CompressFiles(IEnumerable<string> ruleFiles, string outputDirectory, MonitoringTimeScale scale)
    {
        ArgumentNullException.ThrowIfNull(ruleFiles);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var source in ruleFiles)
        {
            var target = Path.Combine(outputDirectory, Path.GetFileName(source));
            File.WriteAllText(target, Compress(File.ReadAllText(source), scale, Path.GetFileName(source)));
            written.Add(Path.GetFullPath(target));
        }

        return written;
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
