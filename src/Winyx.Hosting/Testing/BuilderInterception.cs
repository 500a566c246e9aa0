using Microsoft.Extensions.Hosting;

namespace Winyx.Hosting.Testing;

/// <summary>
/// Lets a test run the AppHost's own <c>Program</c> up to <c>Build()</c> and take the model from
/// there (as Aspire.Hosting.Testing does): the builder created under an interception gets the
/// test's options, and its first <c>Build()</c> hands the builder over and aborts the program.
/// </summary>
internal sealed class BuilderInterception
{
    private static readonly AsyncLocal<BuilderInterception?> CurrentSlot = new();

    public BuilderInterception(Action<DistributedApplicationOptions> configureOptions)
    {
        ConfigureOptions = configureOptions;
    }

    /// <summary>The interception active in this async flow, if any.</summary>
    public static BuilderInterception? Current => CurrentSlot.Value;

    public Action<DistributedApplicationOptions> ConfigureOptions { get; }

    public TaskCompletionSource<DistributedApplicationBuilder> Captured { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes this interception current for the rest of the async flow started inside <paramref name="body"/>.</summary>
    public Task RunAsync(Action body) => Task.Run(() =>
    {
        CurrentSlot.Value = this;
        body();
    });

    public void Attach(DistributedApplicationBuilder builder)
    {
        CurrentSlot.Value = null;
        builder.OnBuilding = captured =>
        {
            Captured.TrySetResult(captured);
            throw new HostAbortedException("The testing builder took over the application model.");
        };
    }
}
