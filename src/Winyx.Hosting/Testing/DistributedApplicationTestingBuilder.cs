using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;

namespace Winyx.Hosting.Testing;

/// <summary>
/// Builds an AppHost's model inside a test, in the spirit of Aspire.Hosting.Testing: runs the
/// AppHost's <c>Program</c> up to <c>Build()</c> with test options (<c>--isolated --no-build</c>
/// by default: free ports, a temporary data directory, the projects' existing build outputs),
/// lets the test adjust the model, then builds the application.
/// </summary>
/// <example><code>
/// var builder = await DistributedApplicationTestingBuilder.CreateAsync&lt;Program&gt;();
/// await using var app = await builder.BuildAsync();
/// await app.StartAsync();
/// await app.ResourceNotifications.WaitForResourceHealthyAsync("api");
/// using var http = app.CreateHttpClient("api");
/// </code></example>
public sealed class DistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    /// <summary>Arguments every test run gets unless it passes its own.</summary>
    public static IReadOnlyList<string> DefaultArgs { get; } = ["--isolated", "--no-build"];

    private readonly IDistributedApplicationBuilder _inner;

    private DistributedApplicationTestingBuilder(IDistributedApplicationBuilder inner)
    {
        _inner = inner;
    }

    /// <inheritdoc />
    public IConfigurationManager Configuration => _inner.Configuration;

    /// <inheritdoc />
    public IServiceCollection Services => _inner.Services;

    /// <inheritdoc />
    public DistributedApplicationExecutionContext ExecutionContext => _inner.ExecutionContext;

    /// <inheritdoc />
    public SecretStore Secrets => _inner.Secrets;

    /// <inheritdoc />
    public IReadOnlyList<IResource> Resources => _inner.Resources;

    /// <summary>Runs the AppHost whose assembly contains <typeparamref name="TEntryPoint"/> up to <c>Build()</c>.</summary>
    /// <param name="args">Arguments; <see cref="DefaultArgs"/> when empty.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<DistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[]? args = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class =>
        CreateAsync(typeof(TEntryPoint).Assembly, args, cancellationToken);

    /// <summary>Runs the entry point of <paramref name="appHostAssembly"/> up to <c>Build()</c>.</summary>
    public static async Task<DistributedApplicationTestingBuilder> CreateAsync(Assembly appHostAssembly, string[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appHostAssembly);
        var entryPoint = appHostAssembly.EntryPoint
            ?? throw new InvalidOperationException($"{appHostAssembly.GetName().Name} has no entry point: pass a type from the AppHost project.");
        var testArgs = args is { Length: > 0 } ? args : DefaultArgs.ToArray();
        var interception = new BuilderInterception(options =>
        {
            options.Args = testArgs;
            options.AppHostAssembly = appHostAssembly;
            options.ExitOnError = false;
            options.Output = TestOutput();
        });
        var program = interception.RunAsync(() => entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [testArgs]));
        // Program ends with HostAbortedException by design once the model is taken; observe it.
        _ = program.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var finished = await Task.WhenAny(interception.Captured.Task, program).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (finished == program && !interception.Captured.Task.IsCompleted)
        {
            var error = program.Exception?.InnerException is TargetInvocationException { InnerException: { } inner } ? inner : program.Exception?.InnerException;
            throw new InvalidOperationException($"{appHostAssembly.GetName().Name}'s Program ended without calling Build().", error);
        }

        return new DistributedApplicationTestingBuilder(await interception.Captured.Task.ConfigureAwait(false));
    }

    /// <summary>An empty model for library tests: isolated unless <paramref name="args"/> say otherwise.</summary>
    public static DistributedApplicationTestingBuilder Create(params string[] args) =>
        new(DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args is { Length: > 0 } ? args : ["--isolated"],
            AppHostDirectory = AppContext.BaseDirectory,
            Output = TestOutput(),
        }));

    /// <inheritdoc />
    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => _inner.AddResource(resource);

    /// <inheritdoc />
    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => _inner.CreateResourceBuilder(resource);

    /// <inheritdoc />
    public DistributedApplication Build() => _inner.Build();

    /// <summary>Builds the application (validating the model).</summary>
    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Build());
    }

    // The AppHost's progress lines are noise in test output unless asked for.
    private static TextWriter TestOutput() =>
        Environment.GetEnvironmentVariable("WINYX_TEST_CONSOLE") == "1" ? Console.Out : TextWriter.Null;

}
