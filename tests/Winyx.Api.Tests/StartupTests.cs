using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;
using Winyx.Testing;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>Configuration mistakes stop the API at start with a message naming the setting.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task OutsideDevelopmentTheApiRefusesToStartWithoutASigningKey()
    {
        var failure = await Assert.ThrowsAsync<LocalServerStartException>(() => ServiceProcess.StartProjectAsync("Winyx.Api",
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Jwt__SigningKey"] = null,
                ["ConnectionStrings__redis"] = null,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            }));

        Assert.Contains("Jwt:SigningKey", failure.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChaosCannotBeEnabledWithoutAKey()
    {
        var failure = await Assert.ThrowsAsync<LocalServerStartException>(() => ServiceProcess.StartProjectAsync("Winyx.Api",
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Jwt__SigningKey"] = TestSecrets.NewPassword() + TestSecrets.NewPassword(),
                ["Chaos__Enabled"] = "true",
                ["Chaos__Key"] = null,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            }));

        Assert.Contains("Chaos:Key", failure.OutputTail, StringComparison.Ordinal);
    }
}
