using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Winyx.Testing;
using Winyx.Testing.Metrics;
using Xunit;

namespace Winyx.Api.Tests.Infrastructure;

/// <summary>An HTTP client for the API from a source address of its own, with the user routes as methods.</summary>
public sealed class ApiClient : IDisposable
{
    /// <summary>A password every test user gets.</summary>
    public const string Password = "correct horse battery";

    /// <summary>Creates a client for <paramref name="baseAddress"/>.</summary>
    public ApiClient(Uri baseAddress)
    {
        SourceAddress = SourceAddresses.Next();
        var source = SourceAddress;
        Http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The address the API sees this client come from.</summary>
    public IPAddress SourceAddress { get; }

    /// <summary>The underlying client.</summary>
    public HttpClient Http { get; }

    /// <summary>A fresh, valid e-mail address.</summary>
    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    /// <summary>Sets (or clears) the bearer token sent with every request.</summary>
    public void UseToken(string? token) =>
        Http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    /// <summary><c>POST /api/users/register</c> with an arbitrary body.</summary>
    public Task<HttpResponseMessage> PostRegisterAsync(object body) =>
        Http.PostAsJsonAsync("/api/users/register", body);

    /// <summary><c>POST /api/users/login</c> with an arbitrary body.</summary>
    public Task<HttpResponseMessage> PostLoginAsync(object body) =>
        Http.PostAsJsonAsync("/api/users/login", body);

    /// <summary>Registers a fresh user and returns it.</summary>
    public async Task<UserDto> RegisterAsync(string name = "Test User", string? email = null)
    {
        using var response = await PostRegisterAsync(new { name, email = email ?? NewEmail(), password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UserDto>())!;
    }

    /// <summary>Logs in and returns the token.</summary>
    public async Task<LoginDto> LoginAsync(string email, string password = Password)
    {
        using var response = await PostLoginAsync(new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LoginDto>())!;
    }

    /// <summary>Registers a fresh user, logs in as it and keeps the token on this client.</summary>
    public async Task<UserDto> SignUpAsync(string name = "Test User")
    {
        var user = await RegisterAsync(name);
        UseToken((await LoginAsync(user.Email)).Token);
        return user;
    }

    /// <summary>One scrape of <c>/metrics</c> (possibly the exporter's cached copy).</summary>
    public Task<PrometheusText> ScrapeAsync() => MetricsScrape.ReadAsync(Http);

    /// <summary>
    /// A scrape that reflects every earlier request, fenced by a request with a known, side-effect-free
    /// footprint (GET /api/users/0 with a token that is not one → 401: no RPC, no cache lookup).
    /// </summary>
    public Task<PrometheusText> FreshScrapeAsync() =>
        MetricsScrape.FreshAsync(
            Http,
            async () =>
            {
                using var fence = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/users/0", UriKind.Relative));
                fence.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "fence");
                (await Http.SendAsync(fence)).Dispose();
            },
            "http_requests_total",
            [("endpoint", "/api/users/{id}"), ("status", "401")]);

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();
}
