using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Winyx.AppHost.Tests;

/// <summary>
/// Keeps every record the AppHost logs, by category: its own, and every resource's console output,
/// which Aspire forwards to the host's logging as <c>Winyx.AppHost.Resources.&lt;name&gt;</c>.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    /// <summary>The captured lines by logger category.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Lines { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Capture(Lines.GetOrAdd(categoryName, _ => new ConcurrentQueue<string>()));

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(exception is null ? formatter(state, exception) : $"{formatter(state, exception)}\n{exception}");
    }
}
