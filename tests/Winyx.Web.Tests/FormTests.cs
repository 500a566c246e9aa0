using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Winyx.Testing;
using Winyx.Web.Tests.Fakes;
using Winyx.Web.Tests.Infrastructure;

namespace Winyx.Web.Tests;

/// <summary>The server-rendered forms: anti-forgery, local validation and the Api's field errors.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class FormTests : FakeApiWebTest
{
    private const string Password = "s3cret-never-echoed";

    public FormTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryTokenIsRejected()
    {
        var calls = 0;
        Fixture.Api.LogIn = _ =>
        {
            Interlocked.Increment(ref calls);
            return Results.Ok(new { token = FakeApi.Token, expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        };

        using var response = await Client.PostWithoutTokenAsync("/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, calls);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("winyx_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ApiFieldErrorsAppearNextToTheirFields()
    {
        Fixture.Api.Register = _ => FakeApi.ValidationProblem(new Dictionary<string, string[]>
        {
            ["email"] = ["The domain example.invalid does not accept mail."],
            ["password"] = ["Use at least 12 characters."],
        });

        using var response = await Client.SubmitAsync("/register", "register", Fields("Ada", "ada@example.invalid"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertMessageFollowsField(html, "Input.Email", "The domain example.invalid does not accept mail.");
        AssertMessageFollowsField(html, "Input.Password", "Use at least 12 characters.");
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalValidationStopsAnEmptyFormBeforeTheApi()
    {
        var calls = 0;
        Fixture.Api.Register = _ =>
        {
            Interlocked.Increment(ref calls);
            return Results.Created("/api/users/7", FakeApi.User());
        };

        using var response = await Client.SubmitAsync("/register", "register", Fields("", "not-an-email"));
        var html = await response.Content.ReadAsStringAsync();

        AssertMessageFollowsField(html, "Input.Name", "Enter your name.");
        AssertMessageFollowsField(html, "Input.Email", "Enter a valid email address.");
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task RegisterLeadsToLogInWithTheEmailFilledIn()
    {
        using var response = await Client.SubmitAsync("/register", "register", Fields("Ada Lovelace", "ada@example.com"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        using var login = await Client.GetAsync(FormClient.RedirectTarget(response)!);
        var html = await login.Content.ReadAsStringAsync();
        Assert.Contains("Your account is ready", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ada@example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordNeverReachesTheLogs()
    {
        // A failed POST is where bodies get logged (the access log keeps them from 400 up).
        Fixture.Api.LogIn = _ => FakeApi.Problem(StatusCodes.Status503ServiceUnavailable, "down");

        (await Client.SubmitAsync("/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = Password,
        })).Dispose();

        await Poll.UntilAsync(
            () => Fixture.Web.LogLines.Any(line => line.Contains("POST /login responded 503", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            "the access log to record the failed login");
        Assert.DoesNotContain(Fixture.Web.LogLines, line => line.Contains(Password, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Fields(string name, string email) => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = Password,
    };

    // "Next to the field": the message is the first validation message after the field's input,
    // before the next input.
    private static void AssertMessageFollowsField(string html, string field, string message)
    {
        var input = html.IndexOf($"name=\"{field}\"", StringComparison.Ordinal);
        Assert.True(input >= 0, $"no input named {field}");
        var rest = html[input..];
        var nextInput = rest.IndexOf("<input", 1, StringComparison.Ordinal);
        var scope = nextInput < 0 ? rest : rest[..nextInput];
        var encoded = System.Net.WebUtility.HtmlEncode(message);
        Assert.Matches(new Regex("class=\"validation-message\">" + Regex.Escape(encoded) + "<"), scope);
    }
}
