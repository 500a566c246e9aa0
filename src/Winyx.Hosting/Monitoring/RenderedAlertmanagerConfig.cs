using Winyx.Hosting.Configuration;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// A rendered <c>alertmanager.yml</c>. It may hold secrets (SMTP password, Slack URL, webhook
/// token): <see cref="ToString"/> never prints the text, and <see cref="WriteTo"/> creates the
/// file readable by its owner only.
/// </summary>
public sealed class RenderedAlertmanagerConfig
{
    internal RenderedAlertmanagerConfig(string yaml, IReadOnlyList<string> receivers, bool containsSecrets)
    {
        Yaml = yaml;
        Receivers = receivers;
        ContainsSecrets = containsSecrets;
    }

    /// <summary>The configuration text. Treat as secret when <see cref="ContainsSecrets"/>.</summary>
    public string Yaml { get; }

    /// <summary>The receiver names, in the template's order.</summary>
    public IReadOnlyList<string> Receivers { get; }

    /// <summary>True when SMTP, Slack or webhook credentials are in <see cref="Yaml"/>.</summary>
    public bool ContainsSecrets { get; }

    /// <summary>Writes the configuration to <paramref name="path"/> with mode 0600 (owner read/write only).</summary>
    public void WriteTo(string path)
    {
        OwnerOnlyFile.WriteAllText(path, Yaml);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"alertmanager.yml ({Yaml.Length} characters, receivers: {string.Join(", ", Receivers)}{(ContainsSecrets ? ", secrets redacted" : string.Empty)})";
}
