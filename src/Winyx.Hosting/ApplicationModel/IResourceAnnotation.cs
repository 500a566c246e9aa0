namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Marks a piece of data attached to a resource. Behaviour lives in annotations; resources stay small.
/// </summary>
public interface IResourceAnnotation;
