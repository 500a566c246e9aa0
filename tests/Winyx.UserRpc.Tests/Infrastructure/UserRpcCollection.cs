using Xunit;

namespace Winyx.UserRpc.Tests.Infrastructure;

/// <summary>The test classes sharing one <see cref="UserRpcFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class UserRpcCollection : ICollectionFixture<UserRpcFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "UserRpc";
}
