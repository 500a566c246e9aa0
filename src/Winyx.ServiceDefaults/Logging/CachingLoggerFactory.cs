using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Hands out one logger per category, as Microsoft's own <see cref="LoggerFactory"/> does, in front of
/// Serilog's factory, which builds a new logger (and a new Serilog context logger) on every call.
/// </summary>
/// <remarks>
/// ASP.NET Core's authentication handlers are created per request and ask the factory for their logger
/// each time: with Serilog's factory that was a few allocations on every authenticated request (see
/// bench/RESULTS.md). A category's logger holds no per-request state, so sharing it is safe.
/// </remarks>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
