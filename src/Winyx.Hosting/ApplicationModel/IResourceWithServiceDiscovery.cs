namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A resource whose HTTP endpoints other resources find by name: <c>WithReference(api)</c> injects
/// <c>services__api__http__0=http://127.0.0.1:8888</c>, exactly as Aspire does.
/// </summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
