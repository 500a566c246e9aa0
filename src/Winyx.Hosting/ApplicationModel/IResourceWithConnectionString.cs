namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A resource that others reach through a connection string: <c>WithReference(db)</c> injects
/// <c>ConnectionStrings__&lt;name&gt;</c>, exactly as Aspire does.
/// </summary>
public interface IResourceWithConnectionString : IResource, IValueProvider
{
    /// <summary>The connection string, resolved after ports are allocated.</summary>
    ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) =>
        GetConnectionStringAsync(cancellationToken);
}
