using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

/// <summary>
/// Requests that end in the exception handler keep their route template in the request metrics, although
/// the handler clears the endpoint (and, with an error path, routes the request again to the error page).
/// </summary>
public sealed class ExceptionHandlerMetricsTests
{
    private const string FailingRoute = "/api/orders/{id}/fail";

    [Theory]
    [InlineData(false)] // the Api: UseExceptionHandler() writing problem details
    [InlineData(true)]  // the Web: UseExceptionHandler("/error") re-executing to an error page
    public async Task AnExceptionIsCountedUnderTheRouteThatThrew(bool reExecute)
    {
        await using var host = await TestServiceHost.StartAsync(
            configure: builder => builder.Services.AddProblemDetails(),
            map: app =>
            {
                if (reExecute)
                {
                    app.UseExceptionHandler("/error");
                }
                else
                {
                    app.UseExceptionHandler();
                }

                app.MapGet(FailingRoute, string (int id) => throw new InvalidOperationException($"order {id} is on fire"));
                app.Map("/error", () => Results.Problem(statusCode: StatusCodes.Status500InternalServerError));
            });

        var response = await host.Client.GetAsync("/api/orders/7/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var samples = await host.SamplesWhenAsync(
            s => s.Name == "http_requests_total" && s["endpoint"] == FailingRoute && s["status"] == "500",
            $"http_requests_total{{endpoint=\"{FailingRoute}\",status=\"500\"}}");
        Assert.DoesNotContain(samples, s => s.Name == "http_requests_total" && s["endpoint"] is "unmatched" or "/error");
    }
}
