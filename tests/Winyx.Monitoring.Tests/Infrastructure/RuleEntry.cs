namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>One rule where it was found.</summary>
internal sealed record RuleEntry(string File, string Group, RuleDto Rule)
{
    public string Name => Rule.Alert ?? Rule.Record ?? "(unnamed)";

    public string Severity => Rule.Labels.GetValueOrDefault("severity", string.Empty);

    public override string ToString() => $"{File} / {Group} / {Name} {Severity}";
}
