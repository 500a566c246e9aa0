// A bare minimal API on 127.0.0.1 for bench/load-engine.sh: GET / answers a 13-byte text.
// Usage: MinimalEndpoint PORT
var port = args.Length > 0 ? args[0] : "5199";
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();
app.MapGet("/", () => "Hello, World!");
app.Run();
