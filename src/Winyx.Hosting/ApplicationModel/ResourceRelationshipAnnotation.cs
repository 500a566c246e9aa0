namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Records that the annotated resource uses <see cref="Resource"/> (a reference, a parent). The
/// model validator checks the target exists; shutdown stops users before what they use.
/// </summary>
/// <param name="Resource">The resource used.</param>
/// <param name="Type"><c>Reference</c> or <c>Parent</c>.</param>
public sealed record ResourceRelationshipAnnotation(IResource Resource, string Type) : IResourceAnnotation
{
    /// <summary>The relationship created by <c>WithReference</c>.</summary>
    public const string Reference = nameof(Reference);

    /// <summary>A child resource's link to its parent.</summary>
    public const string Parent = nameof(Parent);
}
