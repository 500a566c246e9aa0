using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Winyx.AppHost.Tests;

/// <summary>
/// After the other end-to-end tests (ordered last by <see cref="SecretsScanLastOrderer"/>): no password a
/// test used, no token the Api issued and no key the AppHost generated appears in any log file of the
/// fleet or in any resource's console output.
/// </summary>
[TestCaseOrderer(SecretsScanLastOrderer.TypeName, SecretsScanLastOrderer.AssemblyName)]
public sealed partial class FleetTests
{
    // Files that hold secrets on purpose: the secret store and the configs rendered with them.
    private static readonly string[] SecretHolders = ["secrets.json", "alertmanager.yml", "redis.conf"];

    // Aspire forwards each resource's console output to the AppHost's logging under this category prefix.
    private const string ResourcesCategory = "Winyx.AppHost.Resources.";

    [Fact]
    public async Task NoSecretAppearsInAnyLogFileOrConsoleOutput()
    {
        var needles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["test password"] = Password,
            ["wrong test password"] = "Wrong-Password-1",
        };
        foreach (var (name, value) in await fleet.GeneratedSecretsAsync())
        {
            needles[$"generated {name}"] = value;
        }

        var tokens = fleet.Secrets.Where(s => s.Count(c => c == '.') == 2).ToList();
        foreach (var (secret, i) in fleet.Secrets.Select((s, i) => (s, i)))
        {
            needles[$"test secret #{i}"] = secret;
        }

        // A token's signature alone identifies it too (a log that cut the token would still leak it).
        foreach (var (token, i) in tokens.Select((t, i) => (t, i)))
        {
            needles[$"token #{i} signature"] = token[(token.LastIndexOf('.') + 1)..];
        }

        Assert.True(tokens.Count > 0, "no end-to-end test issued a token before the scan: the scan would prove nothing about tokens");
        Assert.True(needles.Count > tokens.Count + 5, "too few secrets to look for");

        var hits = new List<string>();
        long fileBytes = 0, consoleBytes = 0;
        var files = LogFiles(fleet.DataDirectory).ToList();
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            fileBytes += new FileInfo(file).Length;
            hits.AddRange(Find(needles, text, Path.GetRelativePath(fleet.DataDirectory, file)));
        }

        var resources = fleet.Logs.Lines.Keys.Count(c => c.StartsWith(ResourcesCategory, StringComparison.Ordinal));
        foreach (var (category, lines) in fleet.Logs.Lines)
        {
            var text = string.Join('\n', lines);
            consoleBytes += Encoding.UTF8.GetByteCount(text);
            hits.AddRange(Find(needles, text, category.StartsWith(ResourcesCategory, StringComparison.Ordinal) ? $"console of {category[ResourcesCategory.Length..]}" : $"AppHost log {category}"));
        }

        output.WriteLine("log files: " + string.Join(", ", files.Select(f => Path.GetRelativePath(fleet.DataDirectory, f))));
        output.WriteLine($"secrets scan: {needles.Count} secrets ({tokens.Count} tokens) looked for in {files.Count} log files ({fileBytes:N0} bytes) "
            + $"and the console output of {resources} resources with the AppHost's own log ({fleet.Logs.Lines.Count} categories, {consoleBytes:N0} bytes): {hits.Count} hits");
        Assert.True(resources >= 10, $"console output of only {resources} resources was captured");
        Assert.True(fileBytes + consoleBytes > 100_000, $"only {fileBytes + consoleBytes} bytes of logs: the fleet cannot have logged its tests");
        Assert.Empty(hits);
    }

    [Fact]
    public async Task RequestsCarryingSecretsInBrokenShapesAreRefused()
    {
        // What the scan then proves is not logged: a password in broken JSON, in a form body, in an
        // oversized body; the forwarded-for key in its header; a real token after a wrong one.
        using var api = App.CreateHttpClient("api");
        var key = (await fleet.GeneratedSecretsAsync())["forwarded-for-key"];
        var token = await LogInAsync(api, await RegisteredEmailAsync(api));
        var login = new Uri("/api/users/login", UriKind.Relative);

        using var broken = await api.PostAsync(login, new StringContent($"{{\"email\":\"a@example.com\",\"password\":\"{Password}\"", Encoding.UTF8, "application/json"));
        using var form = await api.PostAsync(login, new StringContent($"email=a%40example.com&password={Password}", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var huge = await api.PostAsync(login, new StringContent($"{{\"email\":\"a@example.com\",\"password\":\"{Password}\",\"pad\":\"{new string('x', 70_000)}\"}}", Encoding.UTF8, "application/json"));
        using var forwarded = new HttpRequestMessage(HttpMethod.Post, login) { Content = JsonContent.Create(new { email = "a@example.com", password = "Wrong-Password-1" }) };
        forwarded.Headers.Add("X-Forwarded-For", "198.51.100.7");
        forwarded.Headers.Add("X-Winyx-Forwarded-Key", key);
        using var forwardedAnswer = await api.SendAsync(forwarded);
        using var wrongThenRight = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/users/0?access_token={token}", UriKind.Relative));
        wrongThenRight.Headers.Authorization = new("Bearer", token[..^4] + "AAAA");
        using var forged = await api.SendAsync(wrongThenRight);

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [broken.StatusCode, form.StatusCode, huge.StatusCode, forwardedAnswer.StatusCode, forged.StatusCode]);
    }

    private async Task<string> RegisteredEmailAsync(HttpClient api)
    {
        var email = $"scan-{Guid.NewGuid():N}@example.com";
        using var register = await api.PostAsJsonAsync(new Uri("/api/users/register", UriKind.Relative), new { name = "Scan Test", email, password = Password });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        return email;
    }

    [Fact]
    public async Task OnlyTheWebAndTheApiAreGivenTheForwardedForKey()
    {
        var key = (await fleet.GeneratedSecretsAsync())["forwarded-for-key"];
        var execution = App.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        var projects = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().ToList();

        foreach (var project in projects)
        {
            // The model's own environment callbacks, as Aspire runs them when it starts the project.
            var environment = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(new EnvironmentCallbackContext(execution, project, environment, CancellationToken.None));
            }

            var given = environment.TryGetValue("ForwardedFor__Key", out var value);
            Assert.True(given == project.Name is "api" or "web", $"{project.Name} {(given ? "has" : "lacks")} ForwardedFor__Key");
            Assert.True(!given || value is ParameterResource { Name: "forwarded-for-key", Secret: true },
                $"{project.Name}'s ForwardedFor__Key is not the generated secret parameter");
        }

        Assert.True(key.Length >= 32, "the forwarded-for key is too short to be unguessable");
    }

    // Every log the fleet writes under its data directory: *.log and *.err files (MariaDB's error log,
    // services' file logs where configured), whatever the sub-directory.
    private static IEnumerable<string> LogFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !SecretHolders.Contains(Path.GetFileName(f), StringComparer.Ordinal))
            .Where(f => Path.GetExtension(f) is ".log" or ".err" || Path.GetFileName(Path.GetDirectoryName(f)) is "log" or "logs");

    private static IEnumerable<string> Find(Dictionary<string, string> needles, string text, string where) =>
        needles.Where(n => n.Value.Length >= 8 && text.Contains(n.Value, StringComparison.Ordinal)).Select(n => $"{n.Key} in {where}");
}
