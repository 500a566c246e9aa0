using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>Reads the repository's YAML files into the small DTOs below.</summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static T Read<T>(string path) => Deserializer.Deserialize<T>(File.ReadAllText(path));

    public static T Parse<T>(string yaml) => Deserializer.Deserialize<T>(yaml);
}
