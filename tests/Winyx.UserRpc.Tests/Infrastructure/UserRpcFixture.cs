using Grpc.Health.V1;
using Winyx.Testing;
using Xunit;

namespace Winyx.UserRpc.Tests.Infrastructure;

/// <summary>
/// One MariaDB and one UserRpc process (chaos switch enabled) shared by the
/// <see cref="UserRpcCollection"/>; its classes run one after another, so metric deltas are exact.
/// </summary>
public class UserRpcFixture : IAsyncLifetime
{
    private readonly bool _chaosEnabled;
    private UserRpcService? _service;

    /// <summary>A fixture whose service has the chaos switch enabled.</summary>
    public UserRpcFixture()
        : this(chaosEnabled: true)
    {
    }

    /// <summary>A fixture whose service has the chaos switch enabled or not.</summary>
    protected UserRpcFixture(bool chaosEnabled) => _chaosEnabled = chaosEnabled;

    /// <summary>The database server.</summary>
    public MariaDbFixture Database { get; } = new();

    /// <summary>The running service.</summary>
    public UserRpcService Service => _service ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _service = await UserRpcService.StartAsync(Database.ConnectionString, _chaosEnabled ? TestSecrets.NewPassword() : null);
        // /alive answers before the migrations ran; SERVING means the schema is in place.
        await _service.WaitForHealthAsync(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
