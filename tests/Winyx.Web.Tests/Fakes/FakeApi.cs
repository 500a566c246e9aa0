using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Winyx.Web.Tests.Fakes;

/// <summary>
/// A stand-in for the remote Winyx.Api's HTTP contract (DESIGN.md, REST), on 127.0.0.1 and a free
/// port. Each route answers through a replaceable responder so a test can make the Api refuse,
/// fail or be unavailable; the Authorization headers it received are recorded.
/// </summary>
public sealed class FakeApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeApi(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        Reset();
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    /// <summary>Answers <c>POST /api/users/register</c>.</summary>
    public Func<HttpRequest, IResult> Register { get; set; } = null!;

    /// <summary>Answers <c>POST /api/users/login</c>.</summary>
    public Func<HttpRequest, IResult> LogIn { get; set; } = null!;

    /// <summary>Answers <c>GET /api/users/me</c>.</summary>
    public Func<HttpRequest, IResult> Me { get; set; } = null!;

    /// <summary>Answers <c>PUT /api/users/me</c>.</summary>
    public Func<HttpRequest, IResult> UpdateMe { get; set; } = null!;

    /// <summary>Answers <c>GET /api/users</c>.</summary>
    public Func<HttpRequest, IResult> ListUsers { get; set; } = null!;

    /// <summary>The Authorization header of every request received, in order ("" when absent).</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Method, path and the headers the Web adds (forwarding, If-Match) of every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The token the default login answer hands out.</summary>
    public const string Token = "fake.jwt.token";

    /// <summary>A user as the Api would return it to its owner.</summary>
    public static object User(string name = "Ada Lovelace", string email = "ada@example.com") =>
        new { id = 7, name, email, createdAt = "2025-01-02T03:04:05Z", updatedAt = "2025-01-02T03:04:05Z" };

    /// <summary>Another user as the Api returns it: id, name and join date, no e-mail.</summary>
    public static object OtherUser(string name = "Grace Hopper") =>
        new { id = 8, name, createdAt = "2025-01-03T03:04:05Z" };

    /// <summary>The ETag the default profile answers carry.</summary>
    public const string ETag = "\"1\"";

    /// <summary>An owner's profile with its <c>ETag</c> header, as <c>GET /api/users/me</c> answers.</summary>
    public static IResult Profile(HttpRequest request, string etag = ETag, string name = "Ada Lovelace")
    {
        request.HttpContext.Response.Headers.ETag = etag;
        return Results.Ok(User(name));
    }

    /// <summary>Starts the fake on a free port.</summary>
    public static async Task<FakeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeApi? fake = null;
        app.Use((context, next) =>
        {
            fake!.Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            var headers = context.Request.Headers;
            fake.Requests.Enqueue(new ReceivedRequest(
                context.Request.Method, context.Request.Path, headers["X-Forwarded-For"].ToString(),
                headers["X-Winyx-Forwarded-Key"].ToString(), headers.IfMatch.ToString()));
            return next(context);
        });
        app.MapPost("/api/users/register", (HttpRequest r) => fake!.Register(r));
        app.MapPost("/api/users/login", (HttpRequest r) => fake!.LogIn(r));
        app.MapGet("/api/users/me", (HttpRequest r) => fake!.Me(r));
        app.MapPut("/api/users/me", (HttpRequest r) => fake!.UpdateMe(r));
        app.MapGet("/api/users", (HttpRequest r) => fake!.ListUsers(r));
        await app.StartAsync();
        // Once started, the app's URLs are the addresses actually bound (the real port for :0).
        var url = app.Urls.Single();
        fake = new FakeApi(app, url);
        return fake;
    }

    /// <summary>Back to a healthy Api that accepts everything.</summary>
    public void Reset()
    {
        Register = _ => Results.Created("/api/users/7", User());
        LogIn = _ => Results.Ok(new { token = Token, expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        Me = r => Profile(r);
        UpdateMe = r => Profile(r, "\"2\"");
        ListUsers = _ => Results.Ok(new { items = new[] { User() }, page = 1, size = 10, total = 1 });
        Authorizations.Clear();
        Requests.Clear();
    }

    /// <summary>A 400 validation problem naming <paramref name="errors"/>' fields.</summary>
    public static IResult ValidationProblem(Dictionary<string, string[]> errors) => Results.ValidationProblem(errors);

    /// <summary>A problem-details answer with <paramref name="status"/>.</summary>
    public static IResult Problem(int status, string detail) => Results.Problem(detail, statusCode: status);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
