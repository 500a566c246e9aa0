using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MySqlConnector;
using Winyx.Api.Tests.Infrastructure;
using Winyx.Testing.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace Winyx.Api.Tests.Fuzzing;

/// <summary>
/// Generated requests to every Api route against the real Api, UserRpc and MariaDB. The properties: no
/// 5xx; every 4xx is problem+json, and a 400/413/415 names the field it refuses; a declared body over
/// 64 KiB is 413; and nothing a rejected request carried is stored.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiFuzzTests(ApiFixture fixture, ITestOutputHelper output)
{
    /// <summary>The run's fixed seed (CsCheck PCG); <c>WINYX_FUZZ_SEED</c> replaces it to replay another run.</summary>
    public const string FixedSeed = "harden12Api0";

    /// <summary>Requests per run.</summary>
    public const int CaseCount = 1600;

    private const int FailuresShown = 5;

    private static readonly HashSet<string> KnownFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "email", "password", "id", "page", "size", "If-Match", "body", "Content-Type",
    };

    [Fact]
    public async Task EveryRouteAnswersGeneratedHostileRequestsWithoutA5xxAndStoresNothingItRejected()
    {
        var seed = FuzzRun.Seed(FixedSeed);
        var cases = FuzzRun.Cases(ApiRequestGen.Any, seed, CaseCount);
        using var client = fixture.CreateClient();
        var owner = await client.SignUpAsync("Fuzz Owner");
        var token = client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        client.UseToken(null);
        var expectedProfile = (owner.Name, owner.Email);
        var acceptedEmails = new HashSet<string>(StringComparer.Ordinal);
        var rejectedEmails = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var chunkedTooLarge = 0;

        foreach (var fuzz in cases)
        {
            var c = fuzz.Value;
            using var request = Build(c, token, fixture.ForwardedForKey);
            using var response = await client.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            // Kestrel itself refuses a request target it cannot decode (a NUL in the path) with an empty 400
            // and closes the connection: the Api never sees it, so no problem details can be written.
            if (c.Body is { Length: > 64 * 1024 } && c.Chunked && status == 413)
            {
                chunkedTooLarge++;
            }

            var key = IsRefusedByKestrel(response, text) ? $"{c.Route} {status}-kestrel" : $"{c.Route} {status}";
            statuses[key] = statuses.GetValueOrDefault(key) + 1;

            if (!IsRefusedByKestrel(response, text) && Violation(c, response, text) is { } violation)
            {
                failures.Add($"case {fuzz.Number} (case seed {fuzz.Seed}): {violation}\n    request: {c}\n    answer: {status} {Cut(text)}");
                if (failures.Count >= FailuresShown)
                {
                    break;
                }
            }

            if (c.Route == "register" && c.Email is not null)
            {
                (status == 201 ? acceptedEmails : rejectedEmails).Add(Normalize(c.Email));
            }

            if (c.Route == "put-me" && status == 200)
            {
                var profile = JsonDocument.Parse(text).RootElement;
                expectedProfile = (profile.GetProperty("name").GetString()!, profile.GetProperty("email").GetString()!);
                acceptedEmails.Add(expectedProfile.Email);
            }
        }

        output.WriteLine($"Api fuzz: {cases.Count} generated requests, seed {seed} (replay: {FuzzRun.SeedVariable}={seed})");
        output.WriteLine("answers by route and status: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0,
            $"fuzz seed {seed} (replay with {FuzzRun.SeedVariable}={seed}); first failures:\n" + string.Join("\n", failures));
        Assert.True(chunkedTooLarge > 0, "no chunked body over the limit was answered 413");
        Assert.All(ApiRequestGen.Routes, route => Assert.True(
            statuses.Where(s => s.Key.StartsWith(route + " ", StringComparison.Ordinal)).Sum(s => s.Value) >= 50, $"route {route} got under 50 cases"));

        // Nothing from a rejected request was stored: no rejected e-mail exists (unless an accepted registration
        // or profile change stored it), and the profile is the last accepted one.
        rejectedEmails.ExceptWith(acceptedEmails);
        var stored = await StoredAsync(rejectedEmails);
        output.WriteLine($"registrations: {acceptedEmails.Count} accepted, {rejectedEmails.Count} rejected e-mails, {stored.Count} of those stored");
        Assert.Empty(stored);
        Assert.Equal(expectedProfile, await ProfileInDatabaseAsync(owner.Id));
    }

    private static bool IsRefusedByKestrel(HttpResponseMessage response, string text) =>
        response.StatusCode == HttpStatusCode.BadRequest && text.Length == 0 && response.Content.Headers.ContentType is null
        && response.Headers.ConnectionClose == true;

    private static string? Violation(ApiRequestCase c, HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a 5xx";
        }

        if (c.Body is { Length: > 64 * 1024 } && !c.Chunked && c.Route != "wrong-method" && status != 413)
        {
            return "a declared body over 64 KiB was not refused with 413";
        }

        // A chunked body has no length to refuse it by: it is cut at the limit while read (413), unless
        // something before that refuses the request (a bad token, a wrong content type, malformed JSON early on).
        if (c.Body is { Length: > 64 * 1024 } && c.Chunked && c.Route != "wrong-method" && status < 400)
        {
            return "a chunked body over 64 KiB was accepted";
        }

        if (status < 400)
        {
            return c.Route == "wrong-method" ? "a wrong method succeeded" : null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"a {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not problem+json";
        }

        if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
        {
            return "a stack trace or exception name in the answer";
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return "problem+json that is not JSON";
        }

        if (!problem.TryGetProperty("status", out var statusField) || statusField.GetInt32() != status || !problem.TryGetProperty("title", out _))
        {
            return "problem details without the status or a title";
        }

        if (status is 400 or 413 or 415)
        {
            if (!problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object || !errors.EnumerateObject().Any())
            {
                return $"a {status} that names no field";
            }

            // A field of the contract, or one the request itself sent (a malformed value under an unknown key).
            var sent = c.Body is null ? "" : System.Text.Encoding.UTF8.GetString(c.Body);
            var unknown = errors.EnumerateObject().Select(e => e.Name)
                .Where(n => !KnownFields.Contains(n) && !sent.Contains($"\"{n}\"", StringComparison.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                return $"a {status} naming fields the request does not have: {string.Join(", ", unknown)}";
            }
        }

        return null;
    }

    private static HttpRequestMessage Build(ApiRequestCase c, string token, string forwardedForKey)
    {
        var request = new HttpRequestMessage(new HttpMethod(c.Method), new Uri(c.Path, UriKind.Relative));
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            request.Content.Headers.ContentType = null;
            if (c.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }

            request.Headers.TransferEncodingChunked = c.Chunked;
        }

        request.Headers.Authorization = c.Auth switch
        {
            FuzzAuth.Valid => new AuthenticationHeaderValue("Bearer", token),
            FuzzAuth.Garbage => new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."),
            _ => null,
        };
        if (c.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", c.IfMatch);
        }

        if (c.ForwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", c.ForwardedFor);
            request.Headers.TryAddWithoutValidation("X-Winyx-Forwarded-Key", forwardedForKey);
        }

        return request;
    }

    private Task<List<string>> StoredAsync(IReadOnlyCollection<string> emails) =>
        StoredUsers.EmailsAsync(fixture.Database.ConnectionString, emails);

    private async Task<(string Name, string Email)> ProfileInDatabaseAsync(long id) =>
        await StoredUsers.ProfileAsync(fixture.Database.ConnectionString, id) ?? throw new Xunit.Sdk.XunitException($"user {id} is gone");

    // What UserRpc stores: trimmed, lower-case.
    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static string Cut(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
