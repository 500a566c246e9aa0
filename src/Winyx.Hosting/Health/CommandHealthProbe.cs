using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Health;

/// <summary>Healthy when a command exits with code 0 within the timeout (e.g. <c>redis-cli ping</c>).</summary>
public sealed class CommandHealthProbe : IHealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly Func<HealthProbeContext, IReadOnlyList<string>> _arguments;

    /// <summary>Runs <paramref name="fileName"/> with the arguments built for each copy by <paramref name="arguments"/>.</summary>
    public CommandHealthProbe(string fileName, Func<HealthProbeContext, IReadOnlyList<string>> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        FileName = fileName;
        _arguments = arguments;
    }

    /// <summary>The command.</summary>
    public string FileName { get; }

    /// <inheritdoc />
    public string Description => $"command {FileName}";

    /// <inheritdoc />
    public async Task<HealthProbeResult> ProbeAsync(HealthProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var process = await ManagedProcess.StartAsync(new ManagedProcessOptions(FileName)
        {
            Arguments = _arguments(context),
            StopTimeout = TimeSpan.FromSeconds(1),
            OutputCapacity = 20,
        }, cancellationToken).ConfigureAwait(false);
        var exitCode = await process.Completion.WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        return exitCode == 0
            ? HealthProbeResult.Healthy
            : HealthProbeResult.Unhealthy($"{FileName} exited with code {exitCode}: {process.Output.TailText(2)}");
    }
}
