namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>A finished tool run.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">The command line, then stdout and stderr interleaved (for assertion messages).</param>
internal sealed record ToolResult(int ExitCode, string Output);
