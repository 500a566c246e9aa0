using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Winyx.LoadTests.Tests.Infrastructure;

/// <summary>
/// A tiny Kestrel app on 127.0.0.1 and a free port: <c>/</c> answers GET and HEAD, 200 with 13 bytes, <c>/fail</c>
/// 500, <c>/chunked</c> a 23,000-byte chunked body, <c>/close</c> asks to close the connection.
/// </summary>
public sealed class TestTarget : IAsyncLifetime
{
    private WebApplication? _app;
    private int _hits;

    public Uri BaseAddress { get; private set; } = null!;

    public int Hits => _hits;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapMethods("/", ["GET", "HEAD"], () =>
        {
            Interlocked.Increment(ref _hits);
            return "Hello, World!";
        });
        _app.MapGet("/fail", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        // No Content-Length: Kestrel sends the body chunked, in two writes.
        _app.MapGet("/chunked", async (HttpContext context) =>
        {
            await context.Response.WriteAsync(new string('a', 3000));
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync(new string('b', 20000));
        });
        _app.MapGet("/close", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "close";
            return "bye";
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
