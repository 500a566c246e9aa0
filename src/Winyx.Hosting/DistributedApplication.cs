using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Reporting;
using Winyx.Hosting.Testing;

namespace Winyx.Hosting;

/// <summary>
/// The running application: the orchestrator, the state store, the resource logs and the control
/// API, hosted together. <see cref="Run"/> blocks until Ctrl+C or SIGTERM, then stops every
/// resource in reverse dependency order.
/// </summary>
/// <example><code>
/// var builder = DistributedApplication.CreateBuilder(args);
/// builder.AddRedis("redis");
/// builder.Build().Run();
/// </code></example>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly bool _ownsDataRoot;
    private int _disposed;
    private int _started;
    private int _stopped;

    internal DistributedApplication(WebApplication web, DistributedApplicationExecutionContext context, bool ownsDataRoot)
    {
        _web = web;
        _ownsDataRoot = ownsDataRoot;
        ExecutionContext = context;
    }

    /// <summary>The AppHost's services.</summary>
    public IServiceProvider Services => _web.Services;

    /// <summary>Facts about this run.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>The state store: snapshots, waits, watch streams.</summary>
    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    /// <summary>The resources' console output.</summary>
    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    /// <summary>Start, stop and restart single resources.</summary>
    public ApplicationOrchestrator Orchestrator => Services.GetRequiredService<ApplicationOrchestrator>();

    /// <summary>The resources.</summary>
    public DistributedApplicationModel Model => Services.GetRequiredService<DistributedApplicationModel>();

    /// <summary>The dashboard's address, ports and token.</summary>
    public DashboardOptions Dashboard => ExecutionContext.Dashboard;

    /// <summary>Completes when every resource has settled and the Dashboard line was printed.</summary>
    public Task Settled => Services.GetRequiredService<ConsoleReporter>().Settled;

    /// <summary>
    /// Creates a builder from the AppHost's command line. A bad argument prints one error line
    /// naming it and exits with code 2 (under the testing builder it throws instead).
    /// </summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var options = new DistributedApplicationOptions { Args = args ?? [], AppHostAssembly = Assembly.GetEntryAssembly(), ExitOnError = true };
        BuilderInterception.Current?.ConfigureOptions(options);
        return CreateBuilder(options);
    }

    /// <summary>Creates a builder from explicit options (tests).</summary>
    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var builder = new DistributedApplicationBuilder(options);
            BuilderInterception.Current?.Attach(builder);
            return builder;
        }
        catch (ArgumentException ex) when (options.ExitOnError)
        {
            throw CommandLineFailure.Exit(ex.Message, exitCode: 2);
        }
    }

    /// <summary>Starts the application; resources start in the background (wait on <see cref="ResourceNotifications"/>).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _started, 1);
        return _web.StartAsync(cancellationToken);
    }

    /// <summary>Stops every resource in reverse dependency order, then the AppHost's services.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _stopped, 1) == 0 ? _web.StopAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops everything and cleans up.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Runs until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>, then stops everything and cleans up.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);

            // Completes on Ctrl+C, SIGTERM or the token, after stopping the host (and so every resource).
            await _web.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _stopped, 1);
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Stopping twice is harmless: the orchestrator's stop is idempotent.
        if (Volatile.Read(ref _started) == 1)
        {
            await StopAsync().ConfigureAwait(false);
        }

        await Orchestrator.DisposeAsync().ConfigureAwait(false);
        await _web.DisposeAsync().ConfigureAwait(false);
        if (_ownsDataRoot)
        {
            TemporaryDirectories.Delete(ExecutionContext.DataRoot);
        }
    }
}
