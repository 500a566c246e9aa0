using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Winyx.Hosting.Tests;

/// <summary>
/// An Aspire application model on a throwaway data directory (<c>Winyx:DataDirectory</c>), read
/// without starting anything; the directory is deleted on dispose.
/// </summary>
internal sealed class TestModel : IDisposable
{
    // Evaluating an expression whose endpoint was never allocated waits for the allocation: fail instead of hanging.
    private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromSeconds(10);

    private readonly bool _ownsDataDirectory;

    private TestModel(string dataDirectory, IDistributedApplicationBuilder builder, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory;
        Builder = builder;
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>The run's data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The builder the resources are added to.</summary>
    public IDistributedApplicationBuilder Builder { get; }

    /// <summary>A builder on a new temporary data directory, with <paramref name="configuration"/> (<c>Key=Value</c>) on top.</summary>
    public static TestModel Create(params string[] configuration) =>
        Create(Directory.CreateTempSubdirectory("winyx-hosting-tests-").FullName, ownsDataDirectory: true, configuration);

    /// <summary>A builder on <paramref name="dataDirectory"/>, which outlives it (the caller deletes it).</summary>
    public static TestModel CreateOn(string dataDirectory, params string[] configuration) =>
        Create(dataDirectory, ownsDataDirectory: false, configuration);

    private static TestModel Create(string dataDirectory, bool ownsDataDirectory, string[] configuration)
    {
        string[] args = [$"--Winyx:DataDirectory={dataDirectory}", .. configuration.Select(c => $"--{c}")];
        try
        {
            var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = true });
            return new TestModel(dataDirectory, builder, ownsDataDirectory);
        }
        catch when (ownsDataDirectory)
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Pretends the orchestrator bound <paramref name="endpointName"/> of <paramref name="resource"/> on localhost:<paramref name="port"/>.</summary>
    public static void Allocate(IResource resource, string endpointName, int port)
    {
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpointName);
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
    }

    /// <summary>The resource's command line as the orchestrator would pass it (Aspire's own ArgumentEvaluator).</summary>
    public static async Task<string[]> ArgumentsAsync(IResource resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithArgumentsConfig()
            .BuildAsync(RunContext(), NullLogger.Instance, CancellationToken.None)
            .WaitAsync(EvaluationTimeout);
        Rethrow(configuration.Exception);
        return [.. configuration.Arguments.Select(a => a.Value)];
    }

    /// <summary>The resource's environment as the orchestrator would pass it (Aspire's own EnvironmentVariableEvaluator).</summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(IResource resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(RunContext(), NullLogger.Instance, CancellationToken.None)
            .WaitAsync(EvaluationTimeout);
        Rethrow(configuration.Exception);
        return configuration.EnvironmentVariables.ToDictionary();
    }

    /// <summary>The resolved connection string of <paramref name="resource"/>.</summary>
    public static async Task<string?> ConnectionStringAsync(IResourceWithConnectionString resource) =>
        await resource.GetConnectionStringAsync(CancellationToken.None).AsTask().WaitAsync(EvaluationTimeout);

    /// <summary>The resolved value of <paramref name="expression"/>.</summary>
    public static async Task<string?> ValueAsync(ReferenceExpression expression) =>
        await expression.GetValueAsync(CancellationToken.None).AsTask().WaitAsync(EvaluationTimeout);

    /// <summary>The URLs the dashboard would show for <paramref name="resource"/> (its URL callbacks run against the allocated endpoints).</summary>
    public static async Task<List<ResourceUrlAnnotation>> UrlsAsync(IResource resource)
    {
        var urls = new List<ResourceUrlAnnotation>();
        var context = new ResourceUrlsCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource, urls, CancellationToken.None);
        foreach (var callback in resource.Annotations.OfType<ResourceUrlsCallbackAnnotation>())
        {
            await callback.Callback(context).WaitAsync(EvaluationTimeout);
        }

        return urls;
    }

    private static DistributedApplicationExecutionContext RunContext() =>
        new(new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Run));

    private static void Rethrow(Exception? exception)
    {
        if (exception is not null)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
    }

    /// <summary>The names of the health checks registered with the builder's services.</summary>
    public IReadOnlyList<string> HealthCheckRegistrations()
    {
        using var services = Builder.Services.BuildServiceProvider();
        return [.. services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name)];
    }

    public void Dispose()
    {
        if (_ownsDataDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
