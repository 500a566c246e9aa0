using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Loading, walking and saving YAML through YamlDotNet's representation model: the renderers
/// edit documents in place, so every key they do not know about survives untouched.
/// </summary>
internal static class YamlDocuments
{
    /// <summary>Parses a single-document YAML text whose root is a mapping.</summary>
    public static YamlMappingNode LoadMapping(string yaml, string description)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{description} is not valid YAML: {ex.Message}", ex);
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InvalidDataException($"{description} must be one YAML document whose root is a mapping.");
    }

    /// <summary>Serialises a mapping as a YAML document, after a comment header.</summary>
    public static string Save(YamlMappingNode root, string header)
    {
        using var writer = new StringWriter();
        foreach (var line in header.Split('\n'))
        {
            writer.Write("# ");
            writer.WriteLine(line);
        }

        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream ends a document with "..."; valid, but noise in a config file.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>The child mapping under <paramref name="key"/>, or null.</summary>
    public static YamlMappingNode? Mapping(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    /// <summary>The child sequence under <paramref name="key"/>, or null.</summary>
    public static YamlSequenceNode? Sequence(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlSequenceNode : null;

    /// <summary>The scalar value under <paramref name="key"/>, or null.</summary>
    public static string? Scalar(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    /// <summary>Replaces (or adds) a scalar value, keeping the existing scalar's style.</summary>
    public static void SetScalar(this YamlMappingNode node, string key, string value)
    {
        var style = node.Children.TryGetValue(new YamlScalarNode(key), out var existing) && existing is YamlScalarNode scalar
            ? scalar.Style
            : ScalarStyle.Any;
        node.Children[new YamlScalarNode(key)] = Scalar(value, style);
    }

    /// <summary>Removes a key if present.</summary>
    public static void Remove(this YamlMappingNode node, string key) => node.Children.Remove(new YamlScalarNode(key));

    /// <summary>The mappings of a sequence (other items are skipped).</summary>
    public static IEnumerable<YamlMappingNode> Mappings(this YamlSequenceNode? sequence) =>
        sequence?.Children.OfType<YamlMappingNode>() ?? [];

    /// <summary>
    /// A scalar node. Multi-line text uses the literal block style (PromQL stays readable);
    /// <paramref name="style"/> otherwise.
    /// </summary>
    public static YamlScalarNode Scalar(string value, ScalarStyle style = ScalarStyle.Any) =>
        new(value) { Style = value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : style };

    /// <summary>A double-quoted scalar: for values YAML could otherwise read as numbers or booleans.</summary>
    public static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
