using StackExchange.Redis;

namespace Winyx.Api.Caching;

/// <summary>
/// The API's one Redis connection and the one way to use it: <see cref="TryAsync{T}"/> runs a
/// command and, when Redis is down or slow, logs once per outage and returns the caller's fallback.
/// Redis is an accelerator here (cache, counters), never a reason to fail a request.
/// </summary>
public sealed partial class RedisStore : IAsyncDisposable
{
    private readonly ILogger<RedisStore> _logger;
    private readonly Lazy<Task<ConnectionMultiplexer>>? _connection;
    private volatile bool _reachable = true;

    /// <summary>Creates the store; <paramref name="options"/> null means Redis is not configured.</summary>
    public RedisStore(ConfigurationOptions? options, ILogger<RedisStore> logger)
    {
        _logger = logger;
        if (options is not null)
        {
            // Connects on first use; with AbortOnConnectFail off the multiplexer reconnects by itself.
            _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));
        }
    }

    /// <summary>Whether a connection string was given.</summary>
    public bool IsConfigured => _connection is not null;

    /// <summary>
    /// Prepares client options for a cache that must not slow requests while Redis is down: no abort on
    /// the first failed connect, fail-fast instead of queueing commands, one-second timeouts.
    /// </summary>
    public static ConfigurationOptions ParseOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 1000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "winyx-api";
        return options;
    }

    /// <summary>Runs <paramref name="command"/>; on any Redis failure returns <paramref name="fallback"/>.</summary>
    public async Task<T> TryAsync<T>(string operation, Func<IDatabase, Task<T>> command, T fallback)
    {
        if (_connection is null)
        {
            return fallback;
        }

        try
        {
            var connection = await _connection.Value;
            var result = await command(connection.GetDatabase());
            MarkReachable();
            return result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            MarkUnreachable(operation, ex);
            return fallback;
        }
    }

    /// <summary>Pings Redis; throws when it is not configured or unreachable (for the health check).</summary>
    public async Task<TimeSpan> PingAsync()
    {
        if (_connection is null)
        {
            throw new InvalidOperationException("ConnectionStrings:redis is not configured.");
        }

        var connection = await _connection.Value;
        return await connection.GetDatabase().PingAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is { IsValueCreated: true })
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private void MarkReachable()
    {
        if (!_reachable)
        {
            _reachable = true;
            LogReachable(_logger);
        }
    }

    private void MarkUnreachable(string operation, Exception ex)
    {
        if (_reachable)
        {
            _reachable = false;
            LogUnreachable(_logger, operation, ex.GetType().Name, ex.Message);
        }
        else
        {
            LogStillUnreachable(_logger, operation, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again; cache and counters resume")]
    private static partial void LogReachable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis unreachable during {Operation} ({ExceptionType}: {Reason}); serving without it until it returns")]
    private static partial void LogUnreachable(ILogger logger, string operation, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis still unreachable during {Operation} ({ExceptionType})")]
    private static partial void LogStillUnreachable(ILogger logger, string operation, string exceptionType);
}
