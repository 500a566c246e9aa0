using System.Net;
using System.Net.Http.Json;
using Winyx.Web.Tests.Fakes;

namespace Winyx.Web.Tests;

/// <summary>The chaos switch (PUT/GET/DELETE /admin/chaos) with page route templates as routes.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class ChaosTests : FakeApiWebTest, IAsyncLifetime
{
    private readonly HttpClient _admin;

    public ChaosTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
        _admin = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        _admin.DefaultRequestHeaders.Add("X-Chaos-Key", FakeApiWebFixture.ChaosKey);
    }

    [Fact]
    public async Task ChaosAdminRefusesAMissingOrWrongKey()
    {
        using var anonymous = new HttpClient { BaseAddress = Fixture.Web.BaseAddress };
        using var missing = await anonymous.GetAsync(new Uri("/admin/chaos", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Put, "/admin/chaos")
        {
            Content = JsonContent.Create(new { errorRatio = 1, latencyMs = 0, routes = Array.Empty<string>() }),
        };
        wrong.Headers.Add("X-Chaos-Key", "not-the-key");
        using var refused = await anonymous.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var home = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task ChaosFailsTheChosenPageWithTheFriendlyErrorPageUntilTurnedOff()
    {
        using var set = await _admin.PutAsJsonAsync("/admin/chaos", new { errorRatio = 1.0, latencyMs = 0, routes = new[] { "/users" } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await Client.LogInAsync();

        using var failed = await Client.GetAsync("/users");
        var html = await failed.Content.ReadAsStringAsync();
        using var other = await Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ChaosFaultException", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        using var off = await _admin.DeleteAsync(new Uri("/admin/chaos", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        using var recovered = await Client.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task ChaosShowsWhatIsInjectedAndRejectsOutOfRangeSettings()
    {
        using var bad = await _admin.PutAsJsonAsync("/admin/chaos", new { errorRatio = 1.5, latencyMs = -1, routes = Array.Empty<string>() });
        using var good = await _admin.PutAsJsonAsync("/admin/chaos", new { errorRatio = 0.0, latencyMs = 250, routes = new[] { "/profile" } });
        var shown = await _admin.GetFromJsonAsync<Settings>("/admin/chaos");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("errorRatio", problem, StringComparison.Ordinal);
        Assert.Contains("latencyMs", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.NotNull(shown);
        Assert.Equal(0, shown.ErrorRatio);
        Assert.Equal(250, shown.LatencyMs);
        Assert.Equal(["/profile"], shown.Routes);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // Every test leaves the shared web process without faults.
    public async Task DisposeAsync() =>
        (await _admin.DeleteAsync(new Uri("/admin/chaos", UriKind.Relative))).Dispose();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _admin.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed record Settings(double ErrorRatio, int LatencyMs, string[] Routes);
}
