using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.ControlApi;
using Winyx.Hosting.Lifecycle;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Reporting;

namespace Winyx.Hosting;

/// <summary>
/// The default <see cref="IDistributedApplicationBuilder"/>: parses the command line, finds the
/// AppHost and the data root, picks the dashboard's ports and token, and collects resources.
/// </summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly WebApplicationBuilder _web;
    private readonly List<IResource> _resources = [];
    private readonly DistributedApplicationOptions _options;
    private readonly bool _ownsDataRoot;
    private bool _built;

    /// <summary>Creates a builder from <paramref name="options"/>; throws <see cref="ArgumentException"/> on a bad command line.</summary>
    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var hosting = HostingOptions.Parse(options.Args);
        var assembly = options.AppHostAssembly ?? Assembly.GetEntryAssembly();
        var appHostDirectory = options.AppHostDirectory ?? AppHostLocator.FindDirectory(assembly);
        var dataRoot = AppHostLocator.ResolveDataRoot(hosting, appHostDirectory);
        _ownsDataRoot = hosting.Isolated && hosting.DataDirectory is null;
        if (_ownsDataRoot)
        {
            TemporaryDirectories.DeleteAtExit(dataRoot);
        }

        var configuration = options.BuildConfiguration ?? AppHostLocator.BuildConfiguration(assembly) ?? "Debug";
        ExecutionContext = new DistributedApplicationExecutionContext(hosting, appHostDirectory, dataRoot, CreateDashboard(hosting.Isolated), configuration);
        Secrets = new SecretStore(dataRoot);
        _web = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = appHostDirectory,
            EnvironmentName = Environments.Development,
            ApplicationName = assembly?.GetName().Name,
        });
    }

    /// <inheritdoc />
    public IConfigurationManager Configuration => _web.Configuration;

    /// <inheritdoc />
    public IServiceCollection Services => _web.Services;

    /// <inheritdoc />
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <inheritdoc />
    public SecretStore Secrets { get; }

    /// <inheritdoc />
    public IReadOnlyList<IResource> Resources => _resources;

    /// <summary>Called when <see cref="Build"/> starts; the testing builder uses it to take over the model.</summary>
    internal Action<DistributedApplicationBuilder>? OnBuilding { get; set; }

    /// <inheritdoc />
    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource '{resource.Name}': a resource with that name already exists.");
        }

        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    /// <inheritdoc />
    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new DistributedApplicationResourceBuilder<T>(this, resource);
    }

    /// <inheritdoc />
    public DistributedApplication Build()
    {
        if (OnBuilding is { } intercept)
        {
            OnBuilding = null;
            intercept(this);
        }

        if (_built)
        {
            throw new InvalidOperationException("Build() was already called on this builder.");
        }

        _built = true;
        try
        {
            ModelValidator.Validate(_resources);
        }
        catch (DistributedApplicationException ex) when (_options.ExitOnError)
        {
            throw CommandLineFailure.Exit(ex.Message, exitCode: 1);
        }

        RegisterServices();
        _web.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, ExecutionContext.Dashboard.ControlPort));
        var web = _web.Build();
        web.MapControlApi();
        return new DistributedApplication(web, ExecutionContext, _ownsDataRoot);
    }

    private void RegisterServices()
    {
        var services = _web.Services;
        var context = ExecutionContext;
        services.AddSingleton(new DistributedApplicationModel(_resources.ToArray()));
        services.AddSingleton(context);
        services.AddSingleton(context.Dashboard);
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton(new ResourceLoggerService(context.LogDirectory));
        services.AddSingleton(new HostOutput(_options.Output ?? Console.Out));
        services.AddSingleton<ContainerEngine>();
        services.AddSingleton<DashboardTokenFilter>();
        services.AddSingleton<AlertNotificationStore>();
        services.TryAddSingleton<IResourceExecutor, ProcessResourceExecutor>();
        services.TryAddSingleton<IProjectBuilder>(sp => new DotNetProjectBuilder(
            context.BuildConfiguration,
            Path.Combine(context.RunDirectory, "build"),
            context.Options.NoBuild,
            sp.GetRequiredService<ResourceLoggerService>().GetOutput("build")));
        services.AddHttpClient(nameof(ApplicationOrchestrator), client => client.Timeout = TimeSpan.FromSeconds(3));
        services.AddSingleton(sp => new ApplicationOrchestrator(
            sp.GetRequiredService<DistributedApplicationModel>(),
            context,
            sp.GetRequiredService<ResourceNotificationService>(),
            sp.GetRequiredService<ResourceLoggerService>(),
            sp.GetRequiredService<IResourceExecutor>(),
            sp.GetRequiredService<IProjectBuilder>(),
            sp.GetRequiredService<ContainerEngine>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ApplicationOrchestrator)),
            sp.GetRequiredService<ILogger<ApplicationOrchestrator>>()));
        // The reporter first: it must be watching before the orchestrator publishes anything.
        services.AddSingleton<ConsoleReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleReporter>());
        services.AddHostedService<OrchestratorHostedService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        ConfigureLogging(_web.Logging);
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        // The AppHost's console belongs to the progress lines and the table; only problems are logged.
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    private static DashboardOptions CreateDashboard(bool isolated) => new(
        EndpointAllocator.ChoosePort(18888, !isolated),
        EndpointAllocator.ChoosePort(18889, !isolated),
        EndpointAllocator.ChoosePort(18890, !isolated),
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
}
