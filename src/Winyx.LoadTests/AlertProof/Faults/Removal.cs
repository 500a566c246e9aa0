namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>What removes a fault: a function run once on dispose.</summary>
public sealed class Removal : IAsyncDisposable
{
    private Func<Task>? _remove;

    private Removal(Func<Task> remove) => _remove = remove;

    /// <summary>Runs <paramref name="remove"/> on the first dispose.</summary>
    public static IAsyncDisposable Of(Func<Task> remove) => new Removal(remove);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _remove, null) is { } remove)
        {
            await remove().ConfigureAwait(false);
        }
    }
}
