namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A value known only at launch time (a port chosen late, a generated secret, a connection string).
/// Environment variables and arguments may hold one; it is resolved just before the process starts.
/// </summary>
public interface IValueProvider
{
    /// <summary>Resolves the value; throws <see cref="InvalidOperationException"/> when asked too early.</summary>
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}
