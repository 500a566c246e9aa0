namespace Winyx.ServiceDefaults.Logging;

/// <summary>Where a service's console log lines go (<c>Logging:ConsoleTarget</c>).</summary>
public enum LogConsoleTarget
{
    /// <summary>The process's standard output, in large writes (the default).</summary>
    Stdout,

    /// <summary><see cref="Console.Out"/>, whatever it is at the time (a host or test may replace it).</summary>
    ConsoleOut,
}
