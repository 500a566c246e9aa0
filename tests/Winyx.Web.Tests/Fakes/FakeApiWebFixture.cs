using Winyx.Testing;

namespace Winyx.Web.Tests.Fakes;

/// <summary>
/// Winyx.Web as a real process in front of a <see cref="FakeApi"/>, with the chaos switch
/// enabled under <see cref="ChaosKey"/>. Shared by the <see cref="FakeApiWebCollection"/>, whose
/// classes run one after another, so each test may reshape the fake Api's answers.
/// </summary>
public sealed class FakeApiWebFixture : IAsyncLifetime
{
    /// <summary>The chaos admin key the web process is started with.</summary>
    public const string ChaosKey = "test-chaos-key";

    /// <summary>The key the web process proves its <c>X-Forwarded-For</c> with.</summary>
    public static readonly string ForwardedForKey = Winyx.Testing.TestSecrets.NewPassword();

    /// <summary>The stand-in Api.</summary>
    public FakeApi Api { get; private set; } = null!;

    /// <summary>The web frontend process.</summary>
    public ServiceProcess Web { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Api = await FakeApi.StartAsync();
        Web = await ServiceProcess.StartProjectAsync("Winyx.Web", new Dictionary<string, string?>
        {
            ["services__api__http__0"] = Api.Url,
            ["Chaos__Enabled"] = "true",
            ["Chaos__Key"] = ChaosKey,
            ["ForwardedFor__Key"] = ForwardedForKey,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Api.DisposeAsync();
    }
}
