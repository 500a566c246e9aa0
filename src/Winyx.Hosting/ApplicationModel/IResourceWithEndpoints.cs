namespace Winyx.Hosting.ApplicationModel;

/// <summary>A resource that listens on network endpoints (<c>WithEndpoint</c>, <c>GetEndpoint</c>).</summary>
public interface IResourceWithEndpoints : IResource;
