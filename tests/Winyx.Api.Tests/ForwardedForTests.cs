using System.Net;
using System.Net.Http.Json;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>
/// The per-IP login limit counts the end user's address when the Web forwards it with the key the
/// AppHost gave it, and the connection's own address when anyone else sends <c>X-Forwarded-For</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ForwardedForTests(ApiFixture fixture)
{
    [Fact]
    public async Task WithTheKeyEachForwardedAddressHasItsOwnBudget()
    {
        // One connection address, as the Web has: only the forwarded addresses tell the browsers apart.
        using var web = fixture.CreateClient();
        var browserA = NextAddress();
        var browserB = NextAddress();

        for (var i = 0; i < ApiFixture.IpPermitLimit; i++)
        {
            using var failed = await LogInAsync(web, browserA, fixture.ForwardedForKey);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refusedA = await LogInAsync(web, browserA, fixture.ForwardedForKey);
        using var otherBrowser = await LogInAsync(web, browserB, fixture.ForwardedForKey);
        using var webItself = await LogInAsync(web, forwardedFor: null, key: null);

        await ProblemDto.ReadAsync(refusedA, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Unauthorized, otherBrowser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, webItself.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a-guessed-key")]
    public async Task WithoutTheKeyXForwardedForIsIgnoredSoSpoofingDoesNotEscapeTheLimit(string? key)
    {
        using var attacker = fixture.CreateClient();

        // A fresh "address" on every attempt: were the header believed, no attempt would ever be limited.
        for (var i = 0; i < ApiFixture.IpPermitLimit; i++)
        {
            using var failed = await LogInAsync(attacker, NextAddress(), key);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refused = await LogInAsync(attacker, NextAddress(), key);

        await ProblemDto.ReadAsync(refused, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TheRightKeyWithAnUnparsableAddressKeepsTheConnectionsAddress()
    {
        using var client = fixture.CreateClient();

        for (var i = 0; i < ApiFixture.IpPermitLimit; i++)
        {
            using var failed = await LogInAsync(client, $"203.0.113.{i}, 198.51.100.{i}", fixture.ForwardedForKey);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refused = await LogInAsync(client, "not an address", fixture.ForwardedForKey);

        await ProblemDto.ReadAsync(refused, HttpStatusCode.TooManyRequests);
    }

    private static string NextAddress() => SourceAddresses.Next().ToString().Replace("127.", "10.", StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> LogInAsync(ApiClient client, string? forwardedFor, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/users/login", UriKind.Relative))
        {
            Content = JsonContent.Create(new { email = ApiClient.NewEmail(), password = "wrong password" }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Winyx-Forwarded-Key", key);
        }

        return await client.Http.SendAsync(request);
    }
}
