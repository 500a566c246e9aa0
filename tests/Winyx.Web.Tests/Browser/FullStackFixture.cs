using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Winyx.Testing;

namespace Winyx.Web.Tests.Browser;

/// <summary>
/// The whole user path as real processes: MariaDB and Redis (the shared fixtures), then
/// Winyx.UserRpc, Winyx.Api and Winyx.Web wired exactly as the AppHost wires them.
/// </summary>
public sealed class FullStackFixture : IAsyncLifetime
{
    private readonly MariaDbFixture _database = new();
    private readonly RedisFixture _redis = new();
    private readonly string _forwardedForKey = TestSecrets.NewPassword();

    /// <summary>The gRPC user service.</summary>
    public ServiceProcess UserRpc { get; private set; } = null!;

    /// <summary>The REST Api.</summary>
    public ServiceProcess Api { get; private set; } = null!;

    /// <summary>The web frontend under test.</summary>
    public ServiceProcess Web { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Task.WhenAll(_database.InitializeAsync(), _redis.InitializeAsync());
        UserRpc = await ServiceProcess.StartProjectAsync("Winyx.UserRpc", new Dictionary<string, string?>
        {
            ["ConnectionStrings__userdb"] = _database.ConnectionString,
        });
        Api = await ServiceProcess.StartProjectAsync("Winyx.Api", new Dictionary<string, string?>
        {
            ["services__userrpc__http__0"] = Address(UserRpc),
            ["ConnectionStrings__redis"] = _redis.ConnectionString,
            ["Jwt__SigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["ForwardedFor__Key"] = _forwardedForKey,
        });
        Web = await ServiceProcess.StartProjectAsync("Winyx.Web", new Dictionary<string, string?>
        {
            ["services__api__http__0"] = Address(Api),
            ["ForwardedFor__Key"] = _forwardedForKey,
        });
        await WarmUpAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var service in new[] { Web, Api, UserRpc })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        await _redis.DisposeAsync();
        await _database.DisposeAsync();
    }

    // The first request through a cold stack (JIT, EF model, connection pools) is the slowest by
    // far; pay it here, once, so a test never times out on it. The users page needs a session now,
    // so a login (refused: nobody has this address) goes through Api, UserRpc and MariaDB.
    private async Task WarmUpAsync()
    {
        using var http = Web.CreateHttpClient();
        using var api = Api.CreateHttpClient();
        await Poll.UntilAsync(
            async () =>
            {
                using var page = await http.GetAsync(new Uri("/login", UriKind.Relative));
                using var login = await api.PostAsJsonAsync(new Uri("/api/users/login", UriKind.Relative),
                    new { email = "warm-up@example.com", password = "not a password" });
                return page.IsSuccessStatusCode && login.StatusCode == System.Net.HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(60),
            "the login page to render and a login to reach UserRpc through the Api");
    }

    private static string Address(ServiceProcess service) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{service.Port}");
}
