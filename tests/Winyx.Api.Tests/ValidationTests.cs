using System.Net;
using System.Net.Http.Json;
using System.Text;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>Bad input is answered with problem details naming each bad field; nothing leaks.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidationTests(ApiFixture fixture)
{
    [Fact]
    public async Task RegisterWithEmptyFieldsNamesEveryField()
    {
        using var client = fixture.CreateClient();
        var metrics = await MetricExpectation.Using(client).Expect("user_registrations_total", 1, ("status", "invalid")).SnapshotAsync();

        using var response = await client.PostRegisterAsync(new { name = "", email = "", password = "" });

        await ProblemDto.ReadInvalidAsync(response, "name", "email", "password");
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task RegisterWithTooLongValuesNamesThoseFields()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostRegisterAsync(new
        {
            name = new string('n', 51),
            email = ApiClient.NewEmail(),
            password = new string('p', 129),
        });

        await ProblemDto.ReadInvalidAsync(response, "name", "password");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("Name <x@example.com>")]
    [InlineData("nodot@localhost")]
    public async Task RegisterWithAMalformedEmailNamesEmail(string email)
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostRegisterAsync(new { name = "Ok", email, password = ApiClient.Password });

        await ProblemDto.ReadInvalidAsync(response, "email");
    }

    [Fact]
    public async Task RegisterWithAnEmailLongerThan254CharactersNamesEmail()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostRegisterAsync(new { name = "Ok", email = new string('a', 243) + "@example.com", password = ApiClient.Password });

        await ProblemDto.ReadInvalidAsync(response, "email");
    }

    [Fact]
    public async Task RegisterWithAShortPasswordNamesPassword()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostRegisterAsync(new { name = "Ok", email = ApiClient.NewEmail(), password = "short" });

        await ProblemDto.ReadInvalidAsync(response, "password");
    }

    [Fact]
    public async Task MalformedJsonReturns400ProblemDetails()
    {
        using var client = fixture.CreateClient();
        using var content = new StringContent("{\"name\":", Encoding.UTF8, "application/json");

        using var response = await client.Http.PostAsync(new Uri("/api/users/register", UriKind.Relative), content);

        await ProblemDto.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LoginWithAWrongPasswordReturns401()
    {
        using var client = fixture.CreateClient();
        var user = await client.RegisterAsync();
        var metrics = await MetricExpectation.Using(client).Expect("user_logins_total", 1, ("status", "failure")).SnapshotAsync();

        using var response = await client.PostLoginAsync(new { email = user.Email, password = "wrong password" });

        await ProblemDto.ReadAsync(response, HttpStatusCode.Unauthorized);
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task LoginWithAnUnknownEmailReturns401()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostLoginAsync(new { email = ApiClient.NewEmail(), password = ApiClient.Password });

        await ProblemDto.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LoginWithMissingFieldsNamesThem()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostLoginAsync(new { });

        await ProblemDto.ReadInvalidAsync(response, "email", "password");
    }

    [Fact]
    public async Task GetUnknownUserReturns404()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var response = await client.Http.GetAsync(new Uri($"/api/users/{long.MaxValue}", UriKind.Relative));

        await ProblemDto.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetUserWithANonPositiveIdNamesId()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var response = await client.Http.GetAsync(new Uri("/api/users/0", UriKind.Relative));

        await ProblemDto.ReadInvalidAsync(response, "id");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("body")]
    [InlineData("99999999999999999999")]
    public async Task GetUserWithAnIdThatIsNotANumberNamesId(string id)
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var response = await client.Http.GetAsync(new Uri($"/api/users/{id}", UriKind.Relative));

        var problem = await ProblemDto.ReadInvalidAsync(response, "id");
        Assert.DoesNotContain(id, string.Concat(problem.Errors!["id"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterWithoutABodyNamesTheBody()
    {
        using var client = fixture.CreateClient();

        using var response = await client.Http.PostAsync(new Uri("/api/users/register", UriKind.Relative),
            new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        await ProblemDto.ReadInvalidAsync(response, "body");
    }

    [Theory]
    [InlineData("page=0&size=1000", new[] { "page", "size" })]
    [InlineData("page=1&size=0", new[] { "size" })]
    [InlineData("page=-3", new[] { "page" })]
    public async Task ListUsersWithBadPagingNamesTheFields(string query, string[] fields)
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var response = await client.Http.GetAsync(new Uri($"/api/users?{query}", UriKind.Relative));

        await ProblemDto.ReadInvalidAsync(response, fields);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task MeWithoutAValidTokenReturns401(string? token)
    {
        using var client = fixture.CreateClient();
        client.UseToken(token);

        using var response = await client.Http.GetAsync(new Uri("/api/users/me", UriKind.Relative));

        await ProblemDto.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UpdateMeWithNothingToChangeNamesBothFields()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var response = await client.Http.PutAsJsonAsync("/api/users/me", new { });

        await ProblemDto.ReadInvalidAsync(response, "name", "email");
    }

    [Fact]
    public async Task UpdateMeWithAMalformedEmailNamesEmail()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var response = await client.Http.PutAsJsonAsync("/api/users/me", new { name = "Fine", email = "broken" });

        await ProblemDto.ReadInvalidAsync(response, "email");
    }
}
