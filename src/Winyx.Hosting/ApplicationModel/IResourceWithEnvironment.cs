namespace Winyx.Hosting.ApplicationModel;

/// <summary>A resource whose process receives environment variables (<c>WithEnvironment</c>, <c>WithReference</c>).</summary>
public interface IResourceWithEnvironment : IResource;
