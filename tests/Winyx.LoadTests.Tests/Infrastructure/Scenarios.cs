using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Scenarios;

namespace Winyx.LoadTests.Tests.Infrastructure;

/// <summary>Small scenario and runner helpers shared by the tests.</summary>
internal static class TestScenarios
{
    public static Scenario Ok(string name = "s") => Scenario.Create(name, _ => Task.FromResult(Response.Ok(200, 10)));

    public static Scenario Failing(string name = "s") => Scenario.Create(name, _ => Task.FromResult(Response.Fail(500, 0, "boom")));

    /// <summary>A quiet runner: no progress output, no reports, a short reporting interval.</summary>
    public static LoadRunner Quiet(params Scenario[] scenarios) =>
        LoadRunner.Create(scenarios).WithProgress(null).WithReportingInterval(TimeSpan.FromMilliseconds(50));
}
