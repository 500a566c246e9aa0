namespace Winyx.Hosting.ApplicationModel;

/// <summary>A resource that can be told to start only after others (<c>WaitFor</c>, <c>WaitForCompletion</c>).</summary>
public interface IResourceWithWaitSupport : IResource;
