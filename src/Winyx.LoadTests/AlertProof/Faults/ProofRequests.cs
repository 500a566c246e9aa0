using System.Globalization;
using System.Net.Http.Json;

namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>The requests the proof's load sends, as the Web and a signed-in user send them.</summary>
public static class ProofRequests
{
    /// <summary>A cached read: <c>GET /api/users/{id}</c> of the proof user.</summary>
    public static HttpRequestMessage GetUser(ProofContext context) =>
        context.ApiRequest(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/users/{context.UserId}"));

    /// <summary>An uncached read through UserRpc: <c>GET /api/users?page=1&amp;size=10</c>.</summary>
    public static HttpRequestMessage ListUsers(ProofContext context) =>
        context.ApiRequest(HttpMethod.Get, "/api/users?page=1&size=10");

    /// <summary>A new registration with a unique e-mail address.</summary>
    public static HttpRequestMessage Register(ProofContext context, long number)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(context.Api, "/api/users/register"))
        {
            Content = JsonContent.Create(new
            {
                name = "Load User",
                email = string.Create(CultureInfo.InvariantCulture, $"load-{context.RunId}-{number}@winyx.test"),
                password = "Load-Passw0rd!",
            }),
        };
        return request;
    }

    /// <summary>A login with a wrong password for an address nobody registered (credential stuffing).</summary>
    public static HttpRequestMessage WrongLogin(ProofContext context, long number) =>
        new(HttpMethod.Post, new Uri(context.Api, "/api/users/login"))
        {
            Content = JsonContent.Create(new
            {
                email = string.Create(CultureInfo.InvariantCulture, $"victim-{context.RunId}-{number}@winyx.test"),
                password = "guess-123456",
            }),
        };

    /// <summary>The Web's home page.</summary>
    public static HttpRequestMessage WebHome(ProofContext context) => new(HttpMethod.Get, new Uri(context.Web, "/"));
}
