using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>A logger keeping every formatted record (message and exception text) for assertions.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every record so far, as "Level: message exception".</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
