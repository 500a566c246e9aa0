using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Winyx.Testing;
using Winyx.Testing.Metrics;

namespace Winyx.AppHost.Tests;

/// <summary>
/// Fault drills on the shared fleet: a process of the fleet is killed with SIGKILL (found by the port it
/// listens on), the fleet is observed while it is gone, then Aspire starts it again.
/// </summary>
public sealed partial class FleetTests
{
    private const int StormWorkers = 6;
    private const int AcknowledgedBeforeKill = 20;

    [Fact]
    public async Task MariaDbKilledInARegistrationStormKeepsEveryAcknowledgedUserWithAUsablePassword()
    {
        using var api = App.CreateHttpClient("api");
        var run = Guid.NewGuid().ToString("N")[..10];
        var acknowledged = new ConcurrentQueue<(string Email, string Password)>();
        var failed = 0;
        var attempted = 0;
        using var stop = new CancellationTokenSource();

        async Task RegisterUntilStoppedAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref attempted);
                var email = $"storm-{run}-{n}@example.com";
                var password = $"Storm-{Guid.NewGuid():N}";
                fleet.Secrets.Add(password);
                try
                {
                    using var response = await api.PostAsJsonAsync(new Uri("/api/users/register", UriKind.Relative), new { name = $"Storm {n}", email, password });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Enqueue((email, password));
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        var mysqlPort = LocalProcesses.PortOf((await App.GetConnectionStringAsync("userdb"))!);
        var storm = Enumerable.Range(0, StormWorkers).Select(_ => Task.Run(RegisterUntilStoppedAsync)).ToArray();
        int acknowledgedAtKill;
        try
        {
            await Poll.UntilAsync(() => acknowledged.Count >= AcknowledgedBeforeKill, Deadline, "the storm never got going");
            var mariadbd = LocalProcesses.ListeningOn(mysqlPort);
            acknowledgedAtKill = acknowledged.Count;
            LocalProcesses.Kill(mariadbd);
            // Keep storming until the outage shows: registrations are refused, not hanging.
            await Poll.UntilAsync(() => Volatile.Read(ref failed) >= StormWorkers, Deadline, "no registration was refused after MariaDB was killed");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(storm);
        }

        await fleet.RestartAfterKillAsync("mysql", "userdb", Deadline);
        var stored = await StoredEmailsAsync($"storm-{run}-%");
        var lost = acknowledged.Where(a => !stored.Contains(a.Email)).Select(a => a.Email).ToList();
        output.WriteLine($"registration storm: {attempted} attempted, {acknowledged.Count} acknowledged (201; {acknowledgedAtKill} before the kill), "
            + $"{failed} refused, {stored.Count} stored after restart, {lost.Count} acknowledged but lost");
        Assert.Empty(lost);

        // Each acknowledged password still logs in (from several source addresses: 20 logins a minute per address).
        var loggedIn = 0;
        foreach (var chunk in acknowledged.Chunk(15).Select((users, i) => (users, i)))
        {
            using var client = ClientFrom(IPAddress.Parse($"127.0.{200 + (chunk.i / 250)}.{(chunk.i % 250) + 1}"));
            foreach (var (email, password) in chunk.users)
            {
                // The first logins after the restart may meet pooled connections to the killed server: wait for a 200.
                var token = await Poll.ForValueAsync(() => TryLogInAsync(client, email, password), Deadline, $"{email} (acknowledged) could not log in after the restart");
                Assert.False(string.IsNullOrEmpty(token));
                loggedIn++;
            }
        }

        output.WriteLine($"logged in after restart: {loggedIn} of {acknowledged.Count} acknowledged");
        Assert.Equal(acknowledged.Count, loggedIn);
    }

    [Fact]
    public async Task RedisKilledCachedReadsKeepAnswering200ServedFromUserRpc()
    {
        using var api = App.CreateHttpClient("api");
        await RegisterAndLogInAsync(api, $"cache-{Guid.NewGuid():N}@example.com");
        // Users nobody has read yet: not in the Api's in-process tier (HybridCache L1), and with Redis
        // (L2) dead each read has only UserRpc left. A profile read before would come from memory.
        const int Reads = 5;
        var userIds = new List<long>();
        for (var i = 0; i < Reads; i++)
        {
            using var registered = await api.PostAsJsonAsync(new Uri("/api/users/register", UriKind.Relative), new { name = "Cache Drill", email = $"cache-{Guid.NewGuid():N}@example.com", password = Password });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            userIds.Add((await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64());
        }

        var redisPort = LocalProcesses.PortOf((await App.GetConnectionStringAsync("redis"))!);
        var redis = LocalProcesses.ListeningOn(redisPort);
        var missesBefore = await CacheMissesAsync(api);
        LocalProcesses.Kill(redis);
        await Poll.UntilAsync(() => !LocalProcesses.IsAlive(redis), Deadline, "redis-server outlived SIGKILL");

        var slowest = TimeSpan.Zero;
        try
        {
            foreach (var userId in userIds)
            {
                var clock = Stopwatch.StartNew();
                using var read = await api.GetAsync(new Uri($"/api/users/{userId}", UriKind.Relative));
                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                Assert.Equal(userId, (await read.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64());
            }

            // Every one of them was a miss served by UserRpc (the exporter caches a scrape briefly: poll).
            await Poll.UntilAsync(async () => await CacheMissesAsync(api) >= missesBefore + Reads, Deadline,
                $"cache_misses_total did not grow by {Reads} while Redis was dead");
            output.WriteLine($"Redis killed: {Reads} of {Reads} cached reads answered 200 from UserRpc, slowest {slowest.TotalMilliseconds:0} ms");
        }
        finally
        {
            await fleet.RestartAfterKillAsync("redis", "redis", Deadline);
        }
    }

    [Fact]
    public async Task UserRpcKilledMakesTheApiAnswer503WithinASecond()
    {
        using var api = await SignedInApiClientAsync();
        var list = new Uri("/api/users?page=1&size=1", UriKind.Relative);
        using (var before = await api.GetAsync(list))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var userrpc = LocalProcesses.ListeningOn(App.GetEndpoint("userrpc", "http").Port);
        try
        {
            var sinceKill = Stopwatch.StartNew();
            LocalProcesses.Kill(userrpc);
            using var refused = await api.GetAsync(list);
            var elapsed = sinceKill.Elapsed;

            output.WriteLine($"UserRpc killed: the Api answered {(int)refused.StatusCode} {elapsed.TotalMilliseconds:0} ms after SIGKILL");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"503 came {elapsed.TotalMilliseconds:0} ms after the kill, not within 1 s");
        }
        finally
        {
            await fleet.RestartAfterKillAsync("userrpc", "userrpc", Deadline);
        }

        await Poll.UntilAsync(async () =>
        {
            using var again = await api.GetAsync(list);
            return again.StatusCode == HttpStatusCode.OK;
        }, Deadline, "the Api never served again after UserRpc was started");
    }

    private static async Task<double> CacheMissesAsync(HttpClient api) =>
        (await MetricsScrape.ReadAsync(api)).Value("cache_misses_total") ?? 0;

    private async Task<HashSet<string>> StoredEmailsAsync(string pattern)
    {
        await using var connection = new MySqlConnector.MySqlConnection(await App.GetConnectionStringAsync("userdb"));
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("SELECT email FROM users WHERE email LIKE @pattern", connection);
        command.Parameters.AddWithValue("@pattern", pattern);
        await using var reader = await command.ExecuteReaderAsync();
        var emails = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return emails;
    }

    // A client of the Api whose connections come from source (any 127.0.0.0/8 address reaches 127.0.0.1),
    // so the per-IP login limit sees a caller of its own.
    private HttpClient ClientFrom(IPAddress source) => new(new SocketsHttpHandler
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
        BaseAddress = new Uri(App.GetEndpoint("api", "http").GetLeftPart(UriPartial.Authority)),
    };
}
