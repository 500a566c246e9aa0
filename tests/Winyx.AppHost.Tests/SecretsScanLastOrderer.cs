using Xunit.Abstractions;
using Xunit.Sdk;

namespace Winyx.AppHost.Tests;

/// <summary>
/// Runs a class's tests by name, except that <see cref="FleetTests.NoSecretAppearsInAnyLogFileOrConsoleOutput"/>
/// comes last: it scans what every other end-to-end test made the fleet log.
/// </summary>
public sealed class SecretsScanLastOrderer : ITestCaseOrderer
{
    /// <summary>The orderer's type name for <see cref="TestCaseOrdererAttribute"/>.</summary>
    public const string TypeName = "Winyx.AppHost.Tests.SecretsScanLastOrderer";

    /// <summary>The assembly for <see cref="TestCaseOrdererAttribute"/>.</summary>
    public const string AssemblyName = "Winyx.AppHost.Tests";

    /// <inheritdoc />
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.Name == nameof(FleetTests.NoSecretAppearsInAnyLogFileOrConsoleOutput))
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal)
            .ThenBy(t => t.UniqueID, StringComparer.Ordinal);
}
