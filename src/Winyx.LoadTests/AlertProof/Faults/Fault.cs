namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>
/// A fault the proof provokes: <see cref="StartAsync"/> puts it in place and returns what removes it.
/// Faults compose: <see cref="And"/> runs two together (a chaos switch and the load that meets it).
/// </summary>
/// <param name="Description">What is done, in a sentence for the report.</param>
/// <param name="Start">Puts the fault in place; disposing the result removes it.</param>
public sealed record Fault(string Description, Func<ProofContext, CancellationToken, Task<IAsyncDisposable>> Start)
{
    /// <summary>Puts the fault in place.</summary>
    public Task<IAsyncDisposable> StartAsync(ProofContext context, CancellationToken cancellationToken) => Start(context, cancellationToken);

    /// <summary>This fault and <paramref name="other"/>, started in order and removed in reverse.</summary>
    public Fault And(Fault other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Fault($"{Description}; {other.Description}", async (context, cancellationToken) =>
        {
            var first = await StartAsync(context, cancellationToken).ConfigureAwait(false);
            try
            {
                var second = await other.StartAsync(context, cancellationToken).ConfigureAwait(false);
                return Removal.Of(async () =>
                {
                    await second.DisposeAsync().ConfigureAwait(false);
                    await first.DisposeAsync().ConfigureAwait(false);
                });
            }
            catch
            {
                await first.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        });
    }
}
