using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Winyx.ServiceDefaults.AccessLog;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class RequestIdTests(RequestIdTests.Fixture fixture) : IClassFixture<RequestIdTests.Fixture>
{
    private TestServiceHost Host => fixture.Host;

    [Fact]
    public async Task GivenRequestIdIsEchoedAndTagsLogsAndTheActivity()
    {
        using var activities = new ActivityRecorder();
        var requestId = "order-" + Guid.NewGuid().ToString("N");

        var response = await SendAsync(requestId);
        var record = (await LogOutput.AccessRecordAsync(requestId))!.Value;
        var activity = await RequestActivityAsync(activities, requestId);

        Assert.Equal(requestId, ResponseId(response));
        Assert.Equal(activity.TraceId.ToHexString(), LogOutput.Text(record, "trace_id"));
        await LogOutput.RecordAsync(r => LogOutput.Text(r, "message") == "handling ping" && LogOutput.Text(r, "request_id") == requestId, "the handler's own record carrying the request id");
    }

    [Fact]
    public async Task MissingRequestIdIsGeneratedAsTheTraceIdOfTheRequestActivity()
    {
        using var activities = new ActivityRecorder();

        var response = await SendAsync(requestId: null);
        var generated = ResponseId(response);
        var activity = await RequestActivityAsync(activities, generated);
        var record = (await LogOutput.AccessRecordAsync(generated))!.Value;

        Assert.Equal(activity.TraceId.ToHexString(), generated);
        Assert.Equal(generated, LogOutput.Text(record, "trace_id"));
    }

    [Fact]
    public async Task GeneratedRequestIdFollowsTheCallersTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        // The caller is inside a trace: its HttpClient sends a traceparent continuing it.
        using (new Activity("caller").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            var response = await Host.Client.GetAsync("/api/ping");

            Assert.Equal(traceId.ToHexString(), ResponseId(response));
        }
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("quote\"and{braces}")]
    public async Task UnsafeRequestIdIsReplacedByTheTraceId(string unsafeId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        request.Headers.TryAddWithoutValidation(RequestIds.HeaderName, unsafeId);

        var response = await Host.Client.SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", ResponseId(response));
    }

    private async Task<HttpResponseMessage> SendAsync(string? requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        if (requestId is not null)
        {
            request.Headers.Add(RequestIds.HeaderName, requestId);
        }

        var response = await Host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static string ResponseId(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues(RequestIds.HeaderName));

    private static async Task<Activity> RequestActivityAsync(ActivityRecorder activities, string requestId) =>
        await Poll.ForValueAsync(
            () => Task.FromResult(activities.Stopped.FirstOrDefault(a => a.GetTagItem(RequestIds.ActivityTag) as string == requestId)),
            TestServiceHost.PollTimeout,
            $"the request activity tagged {requestId}");

    public sealed class Fixture : IAsyncLifetime
    {
        public TestServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await TestServiceHost.StartAsync(map: app =>
                app.MapGet("/api/ping", (ILoggerFactory loggers) =>
                {
                    loggers.CreateLogger("Winyx.Tests.Ping").LogInformation("handling ping");
                    return Results.Ok("pong");
                }));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
