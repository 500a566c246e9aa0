using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>
/// The API remembers bearer tokens it has validated (so a client's every request does not pay for a
/// full JWT validation); what it remembers must vouch for that exact token and nothing else.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BearerTokenTests(ApiFixture fixture)
{
    [Fact]
    public async Task ARememberedTokenVouchesForNoAlteredCopyOfIt()
    {
        using var client = fixture.CreateClient();
        var alice = await client.RegisterAsync("Alice");
        var bob = await client.RegisterAsync("Bob");
        var token = (await client.LoginAsync(alice.Email)).Token;

        // Validated once, then answered from memory.
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(client, token));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(client, token));

        var parts = token.Split('.');
        var asBob = string.Join('.', parts[0], WithSubject(parts[1], bob.Id), parts[2]);
        var otherSignature = string.Join('.', parts[0], parts[1], Flip(parts[2]));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, asBob));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, otherSignature));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, token + "x"));

        // The real token still works, and still names its own user.
        client.UseToken(token);
        var me = await client.Http.GetStringAsync(new Uri("/api/users/me", UriKind.Relative));
        Assert.Equal(alice.Id, JsonNode.Parse(me)!["id"]!.GetValue<long>());
    }

    private static async Task<HttpStatusCode> MeStatusAsync(ApiClient client, string token)
    {
        client.UseToken(token);
        using var response = await client.Http.GetAsync(new Uri("/api/users/me", UriKind.Relative));
        return response.StatusCode;
    }

    // The payload with "sub" replaced, re-encoded: the signature no longer matches it.
    private static string WithSubject(string payload, long userId)
    {
        var json = JsonNode.Parse(Base64UrlDecode(payload))!;
        json["sub"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string Flip(string signature) =>
        (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

    private static string Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
