using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Winyx.ServiceDefaults.Chaos;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

/// <summary>
/// The chaos middleware as a web frontend uses it: its own target names, and failures thrown so the
/// app's exception handler renders its error page (which is itself never faulted).
/// </summary>
public sealed class ChaosExceptionModeTests
{
    private const string Key = "test-chaos-key";

    [Fact]
    public async Task AChosenPageFailsThroughTheAppsOwnErrorPage()
    {
        await using var host = await TestServiceHost.StartAsync(
            new Dictionary<string, string?> { ["Chaos:Enabled"] = "true", ["Chaos:Key"] = Key },
            map: app =>
            {
                app.UseExceptionHandler("/error");
                app.UseChaos(o =>
                {
                    o.Target = context => context.Request.Path.Value;
                    o.Failure = ChaosFailureMode.Exception;
                });
                app.MapGet("/pages/{name}", (string name) => Results.Text($"page {name}"));
                app.Map("/error", (HttpContext context) => Results.Text(
                    $"friendly error page ({context.Features.Get<IExceptionHandlerFeature>()?.Error.GetType().Name})",
                    statusCode: StatusCodes.Status500InternalServerError));
            });
        using var request = new HttpRequestMessage(HttpMethod.Put, ChaosAdminApi.Path)
        {
            // The error page is chosen too, yet re-executing a failed request must not fail it again.
            Content = JsonContent.Create(new { errorRatio = 1.0, routes = new[] { "/pages/users", "/error" } }),
        };
        request.Headers.Add(ChaosAdminApi.KeyHeader, Key);
        (await host.Client.SendAsync(request)).EnsureSuccessStatusCode();

        using var failed = await host.Client.GetAsync(new Uri("/pages/users", UriKind.Relative));
        using var other = await host.Client.GetAsync(new Uri("/pages/home", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal($"friendly error page ({nameof(ChaosFaultException)})", await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
