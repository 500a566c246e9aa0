using System.Globalization;
using MySqlConnector;
using StackExchange.Redis;

namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>Faults in the data stores, over real connections with the credentials Aspire gives the services.</summary>
public static class DataStoreFaults
{
    private const int ValueBytes = 256 * 1024;

    /// <summary>Writes large values into Redis until it uses <paramref name="share"/> of <c>maxmemory</c>; removal deletes them.</summary>
    public static Fault FillRedis(double share) => new(
        string.Create(CultureInfo.InvariantCulture, $"Redis filled with 256 KiB values to {share:P0} of maxmemory"),
        async (context, cancellationToken) =>
        {
            var redis = await ConnectRedisAsync(context, cancellationToken).ConfigureAwait(false);
            var db = redis.GetDatabase();
            var server = redis.GetServers()[0];
            var max = await ConfigValueAsync(server, "maxmemory").ConfigureAwait(false);
            if (max <= 0)
            {
                throw new InvalidOperationException("Redis has no maxmemory; RedisHighMemory cannot be provoked.");
            }

            var keys = new List<RedisKey>();
            var value = new byte[ValueBytes];
            Random.Shared.NextBytes(value);
            while (await UsedMemoryAsync(server).ConfigureAwait(false) < share * max)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = Enumerable.Range(keys.Count, 8).Select(i => (RedisKey)$"alert-proof:{context.RunId}:fill:{i}").ToArray();
                await Task.WhenAll(batch.Select(key => db.StringSetAsync(key, value))).ConfigureAwait(false);
                keys.AddRange(batch);
            }

            return Removal.Of(async () =>
            {
                await db.KeyDeleteAsync([.. keys]).ConfigureAwait(false);
                await redis.DisposeAsync().ConfigureAwait(false);
            });
        });

    /// <summary>Sets Redis' <c>maxmemory</c> to 0 (no limit, no eviction); removal restores it.</summary>
    public static Fault UnsetRedisMaxMemory() => new(
        "Redis reconfigured with CONFIG SET maxmemory 0 (unbounded)",
        async (context, cancellationToken) =>
        {
            var redis = await ConnectRedisAsync(context, cancellationToken).ConfigureAwait(false);
            var server = redis.GetServers()[0];
            var original = await ConfigValueAsync(server, "maxmemory").ConfigureAwait(false);
            await server.ConfigSetAsync("maxmemory", "0").ConfigureAwait(false);
            return Removal.Of(async () =>
            {
                await server.ConfigSetAsync("maxmemory", original.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                await redis.DisposeAsync().ConfigureAwait(false);
            });
        });

    /// <summary>
    /// Holds connections to MariaDB until it counts <paramref name="connectedThreads"/> (given its
    /// <c>max_connections</c>) connected threads, every client included; removal closes them.
    /// </summary>
    public static Fault HoldDatabaseConnections(string description, Func<long, long> connectedThreads) => new(
        $"MariaDB connections held open: {description}",
        async (context, cancellationToken) =>
        {
            var builder = new MySqlConnectionStringBuilder(await context.Fleet.ConnectionStringAsync("userdb", cancellationToken).ConfigureAwait(false)) { Pooling = false };
            var held = new List<MySqlConnection>();
            try
            {
                var probe = await OpenAsync(builder, cancellationToken).ConfigureAwait(false);
                held.Add(probe);
                var target = connectedThreads(await ScalarAsync(probe, "SELECT @@max_connections", cancellationToken).ConfigureAwait(false));
                long connected;
                while ((connected = await ScalarAsync(probe, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'THREADS_CONNECTED'", cancellationToken).ConfigureAwait(false)) < target)
                {
                    // Opened together, so the count jumps between two scrapes rather than creeping up.
                    var missing = (int)(target - connected);
                    held.AddRange(await Task.WhenAll(Enumerable.Range(0, missing).Select(_ => OpenAsync(builder, cancellationToken))).ConfigureAwait(false));
                }
            }
            catch
            {
                await CloseAllAsync(held).ConfigureAwait(false);
                throw;
            }

            return Removal.Of(() => CloseAllAsync(held));
        });

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(ProofContext context, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(await context.Fleet.ConnectionStringAsync("redis", cancellationToken).ConfigureAwait(false));
        options.AllowAdmin = true;
        options.AbortOnConnectFail = true;
        return await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
    }

    private static async Task<long> ConfigValueAsync(IServer server, string name) =>
        long.Parse((await server.ConfigGetAsync(name).ConfigureAwait(false)).Single().Value, CultureInfo.InvariantCulture);

    private static async Task<long> UsedMemoryAsync(IServer server)
    {
        var memory = await server.InfoAsync("memory").ConfigureAwait(false);
        return long.Parse(memory.SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }

    private static async Task<MySqlConnection> OpenAsync(MySqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task<long> ScalarAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task CloseAllAsync(List<MySqlConnection> connections)
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
