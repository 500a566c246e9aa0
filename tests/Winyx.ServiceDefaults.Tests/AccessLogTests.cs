using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Winyx.ServiceDefaults.AccessLog;
using Winyx.ServiceDefaults.Redaction;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class AccessLogTests(AccessLogTests.Fixture fixture) : IClassFixture<AccessLogTests.Fixture>
{
    private TestServiceHost Host => fixture.Host;

    [Fact]
    public async Task AccessLogRecordHasEveryField()
    {
        var requestId = NewRequestId();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/7?color=red&token=abc123");
        request.Headers.Add("X-Request-Id", requestId);
        request.Headers.UserAgent.ParseAdd("winyx-tests/1.0");

        var sent = DateTimeOffset.UtcNow;
        var response = await Host.Client.SendAsync(request);
        var record = (await LogOutput.AccessRecordAsync(requestId))!.Value;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "timestamp", "level", "message", "category", "trace_id", "span_id", "method", "path", "query", "ip", "user_agent", "status", "duration_ms", "request_id" })
        {
            Assert.True(record.TryGetProperty(field, out _), $"field {field} missing from {record}");
        }

        Assert.Equal("GET", LogOutput.Text(record, "method"));
        Assert.Equal("/api/items/7", LogOutput.Text(record, "path"));
        Assert.Equal("color=red&token=[REDACTED]", LogOutput.Text(record, "query"));
        Assert.Equal("127.0.0.1", LogOutput.Text(record, "ip"));
        Assert.Equal("winyx-tests/1.0", LogOutput.Text(record, "user_agent"));
        Assert.Equal(200, record.GetProperty("status").GetInt32());
        Assert.True(record.GetProperty("duration_ms").GetDouble() >= 0);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", LogOutput.Text(record, "timestamp"));
        Assert.InRange(DateTimeOffset.Parse(LogOutput.Text(record, "timestamp")!, CultureInfo.InvariantCulture), sent.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.False(record.TryGetProperty("request_body", out _), "bodies are only logged for errors");
    }

    [Fact]
    public async Task ASuccessRecordIsRedactedLikeAnyOtherRecord()
    {
        // A success's record is built and redacted on the log pump rather than in the logger.
        var (requestId, secret) = (NewRequestId(), NewSecret());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/8");
        request.Headers.Add("X-Request-Id", requestId);
        request.Headers.TryAddWithoutValidation("User-Agent", $"probe/1.0 password={secret}");

        var response = await Host.Client.SendAsync(request);
        var record = (await LogOutput.AccessRecordAsync(requestId))!.Value;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"probe/1.0 password={RedactionOptions.Marker}", LogOutput.Text(record, "user_agent"));
        Assert.Equal(requestId, LogOutput.Text(record, "request_id"));
        Assert.Equal("AccessLog", record.GetProperty("EventId").GetProperty("Name").GetString());
        Assert.DoesNotContain(secret, ConsoleCapture.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuccessRecordIsTheSameLineOnTheConsoleAsInTheFile()
    {
        // The pump writes a success's console line itself and builds a Serilog event only for the files:
        // both must be one line, character for character, escapes and redaction included.
        var (requestId, secret) = (NewRequestId(), NewSecret());
        var path = "/api/echo/" + Uri.EscapeDataString("a \"quoted\" \\ path\tü");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?token={secret}&q=%22x%22");
        request.Headers.Add("X-Request-Id", requestId);
        request.Headers.TryAddWithoutValidation("User-Agent", $"probe/1.0 \"quoted\" \\ password={secret}");

        var response = await Host.Client.SendAsync(request);
        await LogOutput.AccessRecordAsync(requestId);
        await Poll.UntilAsync(() => AccessLines(FileText(), requestId).Any(), TestServiceHost.PollTimeout, "the request's record in the log file");
        var consoleLine = Assert.Single(AccessLines(ConsoleCapture.Text, requestId));
        var fileLine = Assert.Single(AccessLines(FileText(), requestId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileLine, consoleLine);
        Assert.Contains("path\\tü", consoleLine, StringComparison.Ordinal);
        Assert.Contains("\\\"quoted\\\" \\\\ ", consoleLine, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, consoleLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorResponsesLogBothBodiesCutAtTheLimit()
    {
        var requestId = NewRequestId();
        var body = new string('x', 20_000);
        var response = await SendAsync(HttpMethod.Post, "/api/echo-rejected", requestId, new StringContent(body, Encoding.UTF8, "text/plain"));
        var record = (await LogOutput.AccessRecordAsync(requestId))!.Value;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith(new string('x', 10240) + "…[truncated]", LogOutput.Text(record, "request_body"), StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 10241), LogOutput.Text(record, "request_body"), StringComparison.Ordinal);
        Assert.Contains("rejected", LogOutput.Text(record, "response_body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordInARejectedJsonBodyAppearsInNoLogOutput()
    {
        var (requestId, password) = (NewRequestId(), NewSecret());
        var json = JsonSerializer.Serialize(new { name = "ann", credentials = new { password, pin = "4321" } });

        var response = await SendAsync(HttpMethod.Post, "/api/register", requestId, new StringContent(json, Encoding.UTF8, "application/json"));
        var record = (await LogOutput.AccessRecordAsync(requestId))!.Value;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(password, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(RedactionOptions.Marker, LogOutput.Text(record, "request_body"), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"ann\"", LogOutput.Text(record, "request_body"), StringComparison.Ordinal);
        Assert.Contains(RedactionOptions.Marker, LogOutput.Text(record, "response_body"), StringComparison.Ordinal);
        Assert.DoesNotContain("4321", LogOutput.Text(record, "request_body"), StringComparison.Ordinal);
        await AssertNowhereInLogsAsync(password, requestId);
    }

    [Fact]
    public async Task PasswordInARejectedFormBodyAppearsInNoLogOutput()
    {
        var (requestId, password) = (NewRequestId(), NewSecret());
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "ann", ["password"] = password });

        var response = await SendAsync(HttpMethod.Post, "/api/login-form", requestId, form);
        var record = (await LogOutput.AccessRecordAsync(requestId))!.Value;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("user=ann&password=[REDACTED]", LogOutput.Text(record, "request_body"));
        await AssertNowhereInLogsAsync(password, requestId);
    }

    [Fact]
    public async Task PasswordInAnUnhandledExceptionAppearsInNoLogOutput()
    {
        var (requestId, password) = (NewRequestId(), NewSecret());
        var json = JsonSerializer.Serialize(new { user = requestId, password });

        var response = await SendAsync(HttpMethod.Post, "/api/explode", requestId, new StringContent(json, Encoding.UTF8, "application/json"));
        await LogOutput.AccessRecordAsync(requestId);
        var error = await LogOutput.RecordAsync(
            r => LogOutput.Text(r, "exception")?.Contains(requestId, StringComparison.Ordinal) == true,
            "the server's unhandled-exception record");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(RedactionOptions.Marker, LogOutput.Text(error!.Value, "exception"), StringComparison.Ordinal);
        await AssertNowhereInLogsAsync(password, requestId);
    }

    [Fact]
    public async Task TheListeningAddressIsLoggedIntact()
    {
        var address = Host.BaseAddress.GetLeftPart(UriPartial.Authority);
        await LogOutput.RecordAsync(IsListeningRecord, "a 'Now listening on' record");

        // Every host of this test run logged one; ours must name its real address, unredacted.
        var records = LogOutput.ConsoleRecords().Where(IsListeningRecord).ToList();
        Assert.Contains($"Now listening on: {address}", records.Select(r => LogOutput.Text(r, "message")));
        Assert.Contains(address, records.Select(r => LogOutput.Text(r, "address")));
    }

    [Fact]
    public async Task ProbesAndScrapesAreNotAccessLogged()
    {
        var requestId = NewRequestId();
        await SendAsync(HttpMethod.Get, "/health", requestId);
        await SendAsync(HttpMethod.Get, "/metrics", requestId);
        var marker = NewRequestId();
        await SendAsync(HttpMethod.Get, "/api/items/1", marker);
        await LogOutput.AccessRecordAsync(marker);

        Assert.DoesNotContain(LogOutput.ConsoleRecords(), r => LogOutput.Text(r, "request_id") == requestId);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string requestId, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Request-Id", requestId);
        return await Host.Client.SendAsync(request);
    }

    // Every output: the console and every file of the configured log directory.
    private async Task AssertNowhereInLogsAsync(string secret, string requestId)
    {
        await Poll.UntilAsync(() => FileText().Contains(requestId, StringComparison.Ordinal), TestServiceHost.PollTimeout, "the request's records in the log file");
        Assert.DoesNotContain(secret, ConsoleCapture.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, FileText(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> AccessLines(string text, string requestId) =>
        text.Split('\n').Where(line => line.Contains(requestId, StringComparison.Ordinal)
            && line.Contains($"\"category\":\"{AccessLogOptions.Category}\"", StringComparison.Ordinal));

    private string FileText() =>
        string.Concat(Directory.EnumerateFiles(fixture.LogDirectory, "*", SearchOption.AllDirectories).Select(ReadShared));

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool IsListeningRecord(JsonElement record) =>
        LogOutput.Text(record, "category") == "Microsoft.Hosting.Lifetime"
        && LogOutput.Text(record, "message")?.StartsWith("Now listening on: ", StringComparison.Ordinal) == true;

    private static string NewRequestId() => "test-" + Guid.NewGuid().ToString("N");

    private static string NewSecret() => "Pw-" + Guid.NewGuid().ToString("N");

    public sealed class Fixture : IAsyncLifetime
    {
        public TestServiceHost Host { get; private set; } = null!;

        public string LogDirectory { get; } = Directory.CreateTempSubdirectory("winyx-accesslog-").FullName;

        public async Task InitializeAsync() =>
            Host = await TestServiceHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["Logging:File:Path"] = LogDirectory,
                    ["Logging:Files:errors:Path"] = LogDirectory,
                    ["Logging:Files:errors:MinimumLevel"] = "Error",
                    ["Logging:Redaction:Fields:0"] = "pin",
                    // Framework diagnostics at full volume: they must not leak bodies either.
                    ["Logging:LogLevel:Default"] = "Debug",
                    ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
                },
                map: MapEndpoints);

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Directory.Delete(LogDirectory, recursive: true);
        }

        private static void MapEndpoints(WebApplication app)
        {
            app.MapGet("/api/items/{id}", (int id) => Results.Ok(new { id }));
            app.MapGet("/api/echo/{*rest}", (string rest) => Results.Ok(new { rest }));
            app.MapPost("/api/echo-rejected", () => Results.UnprocessableEntity("rejected"));

            // The handlers misbehave the way the seed did: they log the raw body and echo it back.
            app.MapPost("/api/register", async (HttpRequest request, ILogger<Fixture> logger) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                logger.LogWarning("Registration rejected: {Payload}", body);
                return Results.BadRequest(JsonSerializer.Deserialize<JsonElement>(body));
            });
            app.MapPost("/api/login-form", async (HttpRequest request, ILogger<Fixture> logger) =>
            {
                var form = await request.ReadFormAsync();
                logger.LogWarning("Login failed for {Form}", form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                return Results.BadRequest($"password={form["password"]} is wrong");
            });
            app.MapPost("/api/explode", async (HttpRequest request) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                throw new InvalidOperationException($"Cannot process {body}");
            });
        }
    }
}
