using Microsoft.Extensions.Logging;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>What every <see cref="ResourceController"/> shares.</summary>
internal sealed record OrchestratorServices(
    ResourceNotificationService Notifications,
    IResourceExecutor Executor,
    LaunchSpecFactory SpecFactory,
    ResourceAvailability Availability,
    DependencyWaiter Dependencies,
    DistributedApplicationExecutionContext ExecutionContext,
    Func<Task<ProjectBuildResult>> Build,
    ILogger Logger);
