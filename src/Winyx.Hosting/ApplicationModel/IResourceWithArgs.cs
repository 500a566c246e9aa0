namespace Winyx.Hosting.ApplicationModel;

/// <summary>A resource whose process receives command-line arguments (<c>WithArgs</c>).</summary>
public interface IResourceWithArgs : IResource;
