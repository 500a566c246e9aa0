using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Testing;
using Winyx.Testing;

namespace Winyx.Hosting.Tests.Infrastructure;

/// <summary>Builders for test models: isolated, with a fake executor and project builder unless real processes are wanted.</summary>
internal static class TestApps
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>An isolated builder whose resources never really start.</summary>
    public static (DistributedApplicationTestingBuilder Builder, FakeExecutor Executor, FakeProjectBuilder Projects) CreateFake(params string[] args)
    {
        var builder = DistributedApplicationTestingBuilder.Create(args);
        var executor = new FakeExecutor();
        var projects = new FakeProjectBuilder();
        builder.Services.Replace(ServiceDescriptor.Singleton<IResourceExecutor>(executor));
        builder.Services.Replace(ServiceDescriptor.Singleton<IProjectBuilder>(projects));
        return (builder, executor, projects);
    }

    /// <summary>An isolated builder that runs real processes.</summary>
    public static DistributedApplicationTestingBuilder CreateReal() => DistributedApplicationTestingBuilder.Create();

    private static readonly Lazy<string> FakeProjects = new(() =>
    {
        var directory = TestDirectories.Create("fake-projects");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDirectories.Delete(directory);
        return directory;
    });

    /// <summary>A placeholder project file (one directory per test run), so AddProject passes validation.</summary>
    public static string FakeProject(string name)
    {
        var directory = Path.Combine(FakeProjects.Value, name);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(path, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        return path;
    }

    /// <summary>A shell command as a supervised executable.</summary>
    public static IResourceBuilder<ExecutableResource> AddShell(this IDistributedApplicationBuilder builder, string name, string script) =>
        builder.AddExecutable(name, "sh", ".", "-c", script);

    public static async Task<ResourceSnapshot> WaitAsync(this DistributedApplication app, string name, Func<ResourceSnapshot, bool> predicate)
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            return await app.ResourceNotifications.WaitForAsync(name, predicate, cts.Token);
        }
        catch (OperationCanceledException)
        {
            var snapshot = app.ResourceNotifications.GetSnapshot(name);
            throw new TimeoutException($"'{name}' did not reach the expected state within {Timeout.TotalSeconds} s; it is {snapshot.State} ({snapshot.Message}).");
        }
    }
}
