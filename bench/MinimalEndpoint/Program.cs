// A bare minimal API on 127.0.0.1 for the benches: no Winyx middleware, so the benches measure the
// clients (bench/load-engine.sh) or what Winyx adds to ASP.NET Core (bench/request-path.sh).
//   GET /          a 13-byte text
//   GET /users/ID  the JSON the Api's GET /api/users/{id} answers (the same record, serialized per request)
// Usage: MinimalEndpoint PORT
var port = args.Length > 0 ? args[0] : "5199";
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();
var created = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
app.MapGet("/", () => "Hello, World!");
app.MapGet("/users/{id}", (long id) => TypedResults.Ok(new UserProfile(id, "Bench User", "bench@example.com", created, created)));
app.Run();

/// <summary>The shape of Winyx.Api's user profile.</summary>
internal sealed record UserProfile(long Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
