namespace Winyx.Web.Tests.Fakes;

/// <summary>The test classes sharing one web process in front of one fake Api.</summary>
[CollectionDefinition(Name)]
public sealed class FakeApiWebCollection : ICollectionFixture<FakeApiWebFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Web with a fake Api";
}
