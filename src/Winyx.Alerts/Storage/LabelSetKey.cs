namespace Winyx.Alerts.Storage;

/// <summary>A label set written as one comparable string, <c>{a="1",b="2"}</c>, labels sorted by name.</summary>
public static class LabelSetKey
{
    /// <summary>The key of <paramref name="labels"/>.</summary>
    public static string Of(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return "{" + string.Join(",", labels.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}=\"{pair.Value}\"")) + "}";
    }
}
