using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Applies <see cref="AlertThresholdOverride"/>s to the rules of a rule group: the threshold
/// through <see cref="ThresholdRewriter"/>, plus a <c>threshold_override: "&lt;new&gt; (was &lt;old&gt;)"</c>
/// annotation so whoever is paged sees the alert fired at a lowered threshold.
/// </summary>
internal static class RuleThresholds
{
    /// <summary>Rejects two overrides for the same alert and severity: which one wins would be a guess.</summary>
    public static void ThrowIfAmbiguous(IReadOnlyCollection<AlertThresholdOverride> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.GroupBy(t => (t.Alert, t.SeverityKey)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Threshold overrides {string.Join(" and ", twice)} name the same alert and severity.", nameof(thresholds));
        }
    }

    /// <summary>
    /// Rewrites every alerting rule of <paramref name="group"/> an override applies to (the one with
    /// a matching severity before the severity-less one) and returns the overrides applied.
    /// </summary>
    /// <exception cref="InvalidDataException">A matched rule has no threshold to replace; the message names file, group, rule and why.</exception>
    public static IReadOnlyList<AlertThresholdOverride> Apply(YamlMappingNode group, IReadOnlyCollection<AlertThresholdOverride> thresholds, string sourceName)
    {
        var applied = new List<AlertThresholdOverride>();
        if (thresholds.Count == 0)
        {
            return applied;
        }

        var groupName = group.Scalar("name") ?? "(unnamed)";
        foreach (var rule in group.Sequence("rules").Mappings())
        {
            if (rule.Scalar("alert") is not { } alert)
            {
                continue;
            }

            var severity = rule.Mapping("labels")?.Scalar("severity");
            var threshold = thresholds
                .Where(t => t.Matches(alert, severity))
                .OrderBy(t => t.Severity is null ? 1 : 0)
                .FirstOrDefault();
            if (threshold is null)
            {
                continue;
            }

            var where = $"{sourceName}, group {groupName}, rule {alert}{(severity is null ? string.Empty : $" ({severity})")}";
            var expression = rule.Scalar("expr")
                ?? throw new InvalidDataException($"Threshold override {threshold} cannot apply to {where}: the rule has no expr.");
            string rewritten, previous;
            try
            {
                (rewritten, previous) = ThresholdRewriter.Replace(expression, threshold.FormattedValue);
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"Threshold override {threshold} cannot apply to {where}: {ex.Message}.", ex);
            }

            rule.SetScalar("expr", rewritten);
            Annotations(rule).Children[new YamlScalarNode(RuleTimeCompressor.ThresholdOverrideAnnotation)] =
                YamlDocuments.Quoted($"{threshold.FormattedValue} (was {string.Join(' ', previous.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))})");
            applied.Add(threshold);
        }

        return applied;
    }

    private static YamlMappingNode Annotations(YamlMappingNode rule)
    {
        if (rule.Mapping("annotations") is { } annotations)
        {
            return annotations;
        }

        annotations = [];
        rule.Children[new YamlScalarNode("annotations")] = annotations;
        return annotations;
    }
}
