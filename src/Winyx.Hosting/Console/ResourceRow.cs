namespace Winyx.Hosting.Console;

/// <summary>One line of the resource table.</summary>
internal sealed record ResourceRow(string Name, string State, string Health, string Urls);
