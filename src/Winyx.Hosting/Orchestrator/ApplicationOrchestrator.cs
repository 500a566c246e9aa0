using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Health;
using Winyx.Hosting.Lifecycle;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Runs the whole model: allocates ports, builds the projects once (in parallel with the
/// infrastructure's start), starts one controller per resource, probes health, and stops
/// everything in reverse dependency order. Single resources can be started, stopped and restarted
/// at run time.
/// </summary>
public sealed class ApplicationOrchestrator : IAsyncDisposable
{
    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationExecutionContext _context;
    private readonly ResourceNotificationService _notifications;
    private readonly IProjectBuilder _projects;
    private readonly HealthMonitor _health;
    private readonly OrchestratorServices _services;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Dictionary<string, ResourceController> _controllers = new(StringComparer.Ordinal);
    private readonly List<Task> _background = [];
    private Task<ProjectBuildResult>? _build;
    private int _disposed;

    /// <summary>Creates the orchestrator.</summary>
    public ApplicationOrchestrator(
        DistributedApplicationModel model,
        DistributedApplicationExecutionContext context,
        ResourceNotificationService notifications,
        ResourceLoggerService logs,
        IResourceExecutor executor,
        IProjectBuilder projects,
        ContainerEngine containers,
        HttpClient probeClient,
        ILogger<ApplicationOrchestrator> logger)
    {
        _model = model;
        _context = context;
        _notifications = notifications;
        _projects = projects;
        _health = new HealthMonitor(notifications, probeClient);
        _services = new OrchestratorServices(
            notifications,
            executor,
            new LaunchSpecFactory(context, projects, containers, logs),
            new ResourceAvailability(containers),
            new DependencyWaiter(notifications),
            context,
            () => _build ?? Task.FromResult(new ProjectBuildResult(false, "the application has not started", TimeSpan.Zero)),
            logger);
    }

    /// <summary>The outcome of the project build, once done (null before start).</summary>
    public Task<ProjectBuildResult>? Build => _build;

    /// <summary>Allocates ports, publishes the first snapshots and starts every resource. Returns at once.</summary>
    public void Start()
    {
        if (_build is not null)
        {
            throw new InvalidOperationException("The application was already started.");
        }

        var resources = _model.Resources.Where(r => r is not ParameterResource).ToArray();
        EndpointAllocator.Allocate(resources, _context.IsIsolated);
        foreach (var resource in resources)
        {
            _notifications.Initialize(InitialSnapshot(resource));
        }

        var projects = resources.OfType<ProjectResource>().ToArray();
        _build = Task.Run(() => _projects.BuildAsync(projects, _lifetime.Token));
        _background.Add(ChildResourceTracker.RunAsync(_notifications, resources.OfType<IResourceWithParent>().ToArray(), _lifetime.Token));
        foreach (var resource in resources.Where(IsLaunchable))
        {
            _controllers[resource.Name] = new ResourceController(resource, _services);
            _background.Add(Task.Run(() => _health.RunAsync(resource, _lifetime.Token)));
        }

        foreach (var controller in _controllers.Values)
        {
            controller.Start();
        }
    }

    /// <summary>Starts a stopped (or exited) resource; nothing happens when it runs already.</summary>
    public Task StartResourceAsync(string name)
    {
        Controller(name).Start();
        return Task.CompletedTask;
    }

    /// <summary>Stops a resource gracefully; its dependents keep running (and see it gone).</summary>
    public Task StopResourceAsync(string name) => Controller(name).StopAsync();

    /// <summary>Stops, then starts a resource.</summary>
    public async Task RestartResourceAsync(string name)
    {
        var controller = Controller(name);
        await controller.StopAsync().ConfigureAwait(false);
        controller.Start();
    }

    /// <summary>True once everything was stopped for good (the application is shutting down).</summary>
    public bool IsStopped => Volatile.Read(ref _disposed) == 1;

    /// <summary>True when <paramref name="name"/> is a resource that can be started and stopped.</summary>
    public bool IsControllable(string name) => _controllers.ContainsKey(name);

    /// <summary>
    /// Stops everything in reverse dependency order: a resource stops only after everything that
    /// depends on it has stopped; independent resources stop in parallel.
    /// </summary>
    public async Task StopAllAsync()
    {
        var graph = new DependencyGraph(_model.Resources.Where(r => r is not ParameterResource).ToArray());
        foreach (var layer in graph.Layers().Reverse())
        {
            var stops = layer.Where(r => _controllers.ContainsKey(r.Name)).Select(r => _controllers[r.Name].StopAsync());
            await Task.WhenAll(stops).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAllAsync().ConfigureAwait(false);
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_background).ConfigureAwait(false);
        _lifetime.Dispose();
    }

    /// <summary>The type shown for a resource: its class name without the Resource (and Server) suffix.</summary>
    public static string ResourceTypeOf(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = resource.GetType().Name;
        name = name.EndsWith("Resource", StringComparison.Ordinal) ? name[..^"Resource".Length] : name;
        return name.EndsWith("Server", StringComparison.Ordinal) && name.Length > "Server".Length ? name[..^"Server".Length] : name;
    }

    private static bool IsLaunchable(IResource resource) => resource is not IResourceWithParent and not ParameterResource;

    private ResourceController Controller(string name) =>
        _controllers.TryGetValue(name, out var controller)
            ? controller
            : throw new ArgumentException($"There is no resource named '{name}' that can be started or stopped. Known: {string.Join(", ", _controllers.Keys)}.", nameof(name));

    private static ResourceSnapshot InitialSnapshot(IResource resource) => new()
    {
        Name = resource.Name,
        ResourceType = ResourceTypeOf(resource),
        HasHealthChecks = resource.HasAnnotation<HealthCheckAnnotation>(),
        Urls = Urls(resource),
        Parent = (resource as IResourceWithParent)?.Parent.Name,
    };

    private static ImmutableArray<string> Urls(IResource resource) =>
    [
        .. resource.AnnotationsOf<EndpointAnnotation>()
            .OrderBy(e => e.IsHttp ? 0 : 1)
            .SelectMany(e => e.Allocated.Select(a => a.Url)),
    ];
}
