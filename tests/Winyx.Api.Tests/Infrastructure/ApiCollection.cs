using Xunit;

namespace Winyx.Api.Tests.Infrastructure;

/// <summary>
/// The test classes sharing one <see cref="ApiFixture"/>. They run one after another, so metric deltas
/// are exact and the outage tests never pull a dependency from under another test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Api";
}
