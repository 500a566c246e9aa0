namespace Winyx.UserRpc.Tests.Infrastructure;

/// <summary>MariaDB plus a UserRpc process configured as in production: no chaos switch.</summary>
public sealed class ChaosOffUserRpcFixture() : UserRpcFixture(chaosEnabled: false);
