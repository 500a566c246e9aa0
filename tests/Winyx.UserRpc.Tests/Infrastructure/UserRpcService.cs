using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Winyx.Contracts.Users.V1;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Winyx.Testing;
using Winyx.Testing.Metrics;

namespace Winyx.UserRpc.Tests.Infrastructure;

/// <summary>
/// A real Winyx.UserRpc process (the built dll, as production runs it) with gRPC clients on its
/// h2c port and an HTTP/1.1 client on its management port.
/// </summary>
public sealed class UserRpcService : IAsyncDisposable
{
    /// <summary>The per-call counter of the gRPC server histogram.</summary>
    public const string CallCountMetric = "grpc_server_call_duration_seconds_count";

    private UserRpcService(ServiceProcess process, int managementPort, string? chaosKey)
    {
        Process = process;
        ChaosKey = chaosKey;
        Channel = GrpcChannel.ForAddress(process.BaseAddress);
        Users = new UserService.UserServiceClient(Channel);
        Health = new Health.HealthClient(Channel);
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort.ToString(CultureInfo.InvariantCulture)}") };
    }

    /// <summary>The child process.</summary>
    public ServiceProcess Process { get; }

    /// <summary>The chaos key, or null when chaos is not enabled.</summary>
    public string? ChaosKey { get; }

    /// <summary>The h2c channel to the gRPC port.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The user service client.</summary>
    public UserService.UserServiceClient Users { get; }

    /// <summary>The grpc.health.v1 client.</summary>
    public Health.HealthClient Health { get; }

    /// <summary>HTTP/1.1 client on the management port (/metrics, /health, /admin/chaos).</summary>
    public HttpClient Management { get; }

    /// <summary>Starts the service against <paramref name="connectionString"/> and waits for <c>/alive</c>.</summary>
    /// <param name="connectionString">The <c>userdb</c> connection string.</param>
    /// <param name="chaosKey">Enables the chaos switch with this key when not null.</param>
    /// <param name="settings">Environment variables set over the defaults (an OTLP endpoint, say).</param>
    public static async Task<UserRpcService> StartAsync(
        string connectionString, string? chaosKey = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var managementPort = PortAllocator.GetFreePort();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__userdb"] = connectionString,
            ["Management__Port"] = managementPort.ToString(CultureInfo.InvariantCulture),
            ["Chaos__Enabled"] = chaosKey is null ? "false" : "true",
            ["Chaos__Key"] = chaosKey,
            // Whatever the developer's shell exports must not leak into the test fleet.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        var process = await ServiceProcess.StartProjectAsync("Winyx.UserRpc", environment);
        return new UserRpcService(process, managementPort, chaosKey);
    }

    /// <summary>The grpc.health.v1 status of the default service, or null when the call itself fails.</summary>
    public async Task<HealthCheckResponse.Types.ServingStatus?> HealthStatusAsync(string service = "")
    {
        try
        {
            var reply = await Health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(5));
            return reply.Status;
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>Waits until grpc.health.v1 reports <paramref name="expected"/>.</summary>
    public Task WaitForHealthAsync(HealthCheckResponse.Types.ServingStatus expected, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            async () => await HealthStatusAsync() == expected,
            timeout ?? TimeSpan.FromSeconds(30),
            $"grpc.health.v1 never reported {expected}");

    /// <summary>One scrape of <c>/metrics</c> over HTTP/1.1 (possibly the exporter's cached copy).</summary>
    public Task<PrometheusText> ScrapeAsync() => MetricsScrape.ReadAsync(Management);

    /// <summary>A scrape that shows every call finished before this method was called, fenced by a health check.</summary>
    public Task<PrometheusText> FreshScrapeAsync() =>
        MetricsScrape.FreshAsync(
            Management,
            async () => await Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5)),
            CallCountMetric,
            [("grpc_method", "Check")]);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        Channel.Dispose();
        await Process.DisposeAsync();
    }
}
