using YamlDotNet.RepresentationModel;

namespace Winyx.Alerts.Rules;

/// <summary>
/// Alertmanager's routing tree, read from its configuration YAML, answering which receivers a label
/// set reaches — what <c>amtool config routes test</c> answers: children in order, the first match
/// wins unless it says <c>continue</c>, a node no child takes keeps the alert, receivers inherit.
/// </summary>
public sealed class RoutingTree
{
    private readonly string? _receiver;
    private readonly IReadOnlyList<LabelMatcher> _matchers;
    private readonly bool _continue;
    private readonly IReadOnlyList<RoutingTree> _children;

    private RoutingTree(string? receiver, IReadOnlyList<LabelMatcher> matchers, bool @continue, IReadOnlyList<RoutingTree> children)
    {
        _receiver = receiver;
        _matchers = matchers;
        _continue = @continue;
        _children = children;
    }

    /// <summary>Reads the <c>route:</c> of an <c>alertmanager.yml</c>.</summary>
    public static RoutingTree Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml ?? string.Empty));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("route"), out var route) || route is not YamlMappingNode mapping)
        {
            throw new FormatException("The Alertmanager configuration has no route.");
        }

        return Node(mapping);
    }

    /// <summary>The receivers <paramref name="labels"/> reach, in tree order, without repeats.</summary>
    public IReadOnlyList<string> ReceiversFor(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return [.. Match(labels, _receiver ?? string.Empty).Distinct(StringComparer.Ordinal)];
    }

    private List<string> Match(IReadOnlyDictionary<string, string> labels, string inherited)
    {
        var receiver = _receiver ?? inherited;
        var reached = new List<string>();
        foreach (var child in _children.Where(child => child._matchers.All(matcher => matcher.Matches(labels))))
        {
            reached.AddRange(child.Match(labels, receiver));
            if (!child._continue)
            {
                break;
            }
        }

        return reached.Count > 0 ? reached : [receiver];
    }

    private static RoutingTree Node(YamlMappingNode node)
    {
        var matchers = new List<LabelMatcher>();
        if (Child(node, "matchers") is YamlSequenceNode list)
        {
            matchers.AddRange(list.Children.OfType<YamlScalarNode>().Select(text => LabelMatcher.Parse(text.Value ?? string.Empty)));
        }

        matchers.AddRange(Pairs(node, "match").Select(pair => new LabelMatcher(pair.Key, "=", pair.Value)));
        matchers.AddRange(Pairs(node, "match_re").Select(pair => new LabelMatcher(pair.Key, "=~", pair.Value)));
        var children = Child(node, "routes") is YamlSequenceNode routes
            ? routes.Children.OfType<YamlMappingNode>().Select(Node).ToList()
            : [];
        return new RoutingTree(
            (Child(node, "receiver") as YamlScalarNode)?.Value,
            matchers,
            (Child(node, "continue") as YamlScalarNode)?.Value is "true",
            children);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static IEnumerable<KeyValuePair<string, string>> Pairs(YamlMappingNode node, string key) =>
        Child(node, key) is YamlMappingNode map
            ? map.Children.Select(pair => new KeyValuePair<string, string>(((YamlScalarNode)pair.Key).Value ?? string.Empty, (pair.Value as YamlScalarNode)?.Value ?? string.Empty))
            : [];
}
