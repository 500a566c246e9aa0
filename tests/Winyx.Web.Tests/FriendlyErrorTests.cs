using System.Net;
using Microsoft.AspNetCore.Http;
using Winyx.Web.Tests.Fakes;

namespace Winyx.Web.Tests;

/// <summary>Api failures and unknown pages reach users as friendly messages, never as internals.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class FriendlyErrorTests : FakeApiWebTest
{
    private const string Unavailable = "The service is temporarily unavailable";

    private static readonly Dictionary<string, string> LogInFields = new()
    {
        ["Input.Email"] = "ada@example.com",
        ["Input.Password"] = "whatever-it-is",
    };

    private static readonly Dictionary<string, string> RegisterFields = new()
    {
        ["Input.Name"] = "Ada",
        ["Input.Email"] = "ada@example.com",
        ["Input.Password"] = "whatever-it-is",
    };

    public FriendlyErrorTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ApiUnavailableShowsTheFriendlyMessageNotAStackTrace()
    {
        Fixture.Api.LogIn = _ => FakeApi.Problem(
            StatusCodes.Status503ServiceUnavailable,
            "Grpc.Core.RpcException: Status(StatusCode=Unavailable)\n   at Winyx.Api.Users.UserRpcClient.AuthenticateAsync() in /src/UserRpcClient.cs:line 42");

        using var response = await Client.SubmitAsync("/login", "login", LogInFields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(Unavailable, html, StringComparison.Ordinal);
        Assert.DoesNotContain("RpcException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UserRpcClient.cs", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiDroppingTheConnectionShowsTheFriendlyMessage()
    {
        Fixture.Api.LogIn = request =>
        {
            request.HttpContext.Abort();
            return Results.Empty;
        };

        using var response = await Client.SubmitAsync("/login", "login", LogInFields);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(Unavailable, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/register", "register", StatusCodes.Status409Conflict, "This email is already registered.")]
    [InlineData("/login", "login", StatusCodes.Status401Unauthorized, "Wrong email or password.")]
    [InlineData("/login", "login", StatusCodes.Status429TooManyRequests, "Too many attempts. Please wait a minute and try again.")]
    public async Task ApiRefusalsShowFriendlyMessages(string page, string form, int status, string message)
    {
        Fixture.Api.Register = _ => FakeApi.Problem(status, "Email already registered");
        Fixture.Api.LogIn = _ => FakeApi.Problem(status, "refused");

        using var response = await Client.SubmitAsync(page, form, form == "register" ? RegisterFields : LogInFields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPageShowsTheFriendlyNotFoundPage()
    {
        using var response = await Client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
