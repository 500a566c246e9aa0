using Winyx.Contracts.Users.V1;
using Winyx.Testing;
using Winyx.Testing.Telemetry;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Winyx.UserRpc.Tests;

/// <summary>
/// Every command UserRpc sends to MySQL is a client span named after its operation and table, whether EF
/// Core sent it or it went past EF Core (GetUser's read): the span carries the parameterised statement and
/// never a value. A UserRpc process of its own exports to an OTLP collector on 127.0.0.1.
/// </summary>
[Collection(UserRpcCollection.Name)]
public sealed class DatabaseTracingTests(UserRpcFixture fixture)
{
    private static readonly TimeSpan ExportDeadline = TimeSpan.FromSeconds(30);

    // GetUser's own statement (UserByIdQuery), told apart from EF Core's by its parameter name.
    private const string GetUserStatement = "WHERE `id` = @id";

    [Fact]
    public async Task EachCommandIsASpanWithItsStatementAndNoValue()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var service = await UserRpcService.StartAsync(fixture.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        await service.WaitForHealthAsync(ServingStatus.Serving);

        var user = await service.Users.RegisterAsync("Traced Person");
        Assert.Equal(user, (await service.Users.GetUserAsync(new GetUserRequest { Id = user.Id })).User);

        await Poll.UntilAsync(
            () => Traces(collector).Contains("INSERT users", StringComparison.Ordinal)
                && Traces(collector).Contains(GetUserStatement, StringComparison.Ordinal),
            ExportDeadline,
            () => $"spans of the INSERT and of GetUser's read ({GetUserStatement}) in the exported traces; got {Traces(collector).Length} bytes");
        var traces = Traces(collector);
        Assert.Contains("SELECT users", traces, StringComparison.Ordinal);
        Assert.Contains("db.statement", traces, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, traces, StringComparison.Ordinal);
        Assert.DoesNotContain("Traced Person", traces, StringComparison.Ordinal);
    }

    private static string Traces(OtlpCollector collector) =>
        collector.Received.TryGetValue("/v1/traces", out var traces) ? traces : string.Empty;
}
