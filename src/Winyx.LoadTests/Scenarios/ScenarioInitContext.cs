namespace Winyx.LoadTests.Scenarios;

/// <summary>Handed to a scenario's init and clean functions.</summary>
/// <param name="ScenarioName">The scenario's name.</param>
/// <param name="Log">Where to write progress lines.</param>
/// <param name="CancellationToken">Cancelled when the run is stopped.</param>
public sealed record ScenarioInitContext(string ScenarioName, TextWriter Log, CancellationToken CancellationToken);
