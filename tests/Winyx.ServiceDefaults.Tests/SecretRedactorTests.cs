using System.Text.RegularExpressions;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Tests;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(["ssn"]);

    [Fact]
    public void JsonSecretsAreRedactedAtAnyDepthWhateverTheirCase()
    {
        var json = """{"user":"ann","Password":"p1","auth":{"access_token":"t1","refreshToken":"t2","nested":[{"X-Api-Key":"k1"}]},"ssn":123,"note":"token=t3"}""";

        var redacted = _redactor.RedactJson(json);

        Assert.Equal("""{"user":"ann","Password":"[REDACTED]","auth":{"access_token":"[REDACTED]","refreshToken":"[REDACTED]","nested":[{"X-Api-Key":"[REDACTED]"}]},"ssn":"[REDACTED]","note":"token=[REDACTED]"}""", redacted);
    }

    [Fact]
    public void JsonCutAtTheSizeLimitIsStillRedacted()
    {
        var redacted = _redactor.RedactBody("""{"name":"ann","password":"hunter2-and-mo""", "application/json");

        Assert.Equal("{\"name\":\"ann\",\"password\":\"[REDACTED]\"", redacted);
    }

    [Fact]
    public void JsonWithDuplicateKeysIsStillRedacted()
    {
        var redacted = _redactor.RedactBody("""{"password":"a1","password":"b2"}""", "application/json");

        Assert.DoesNotContain("a1", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("b2", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void FormFieldsAreRedactedByTheirDecodedName()
    {
        var redacted = _redactor.RedactBody("user=ann&pass%77ord=hunter2&new_password=x&client_secret=y&ok=1", "application/x-www-form-urlencoded");

        Assert.Equal("user=ann&pass%77ord=[REDACTED]&new_password=[REDACTED]&client_secret=[REDACTED]&ok=1", redacted);
    }

    [Theory]
    [InlineData("login failed password=hunter2 for ann", "login failed password=[REDACTED] for ann")]
    [InlineData("Authorization: Bearer eyJhbGciOi.abc", "Authorization: [REDACTED]")]
    [InlineData("authorization=bearer eyJhbGciOi.abc", "authorization=[REDACTED]")]
    [InlineData("db: Server=x;Password=hunter2;User=app", "db: Server=x;Password=[REDACTED];User=app")]
    [InlineData("{'secret': 'abc'}", "{'secret': '[REDACTED]'}")]
    [InlineData("GET /callback?code=1&api_key=abc", "GET /callback?code=1&api_key=[REDACTED]")]
    [InlineData("nothing to see here", "nothing to see here")]
    [InlineData("msg \"password=abc\" rejected", "msg \"password=[REDACTED]\" rejected")]
    [InlineData("note: \"token=abc\"", "note: \"token=[REDACTED]\"")]
    public void SecretPairsInFreeTextAreRedacted(string text, string expected)
    {
        Assert.Equal(expected, _redactor.RedactText(text));
    }

    [Theory]
    [InlineData("Now listening on: http://127.0.0.1:5000")]
    [InlineData("Now listening on: http://[::1]:8080")]
    [InlineData("calling https://api.example.com:8443/api/users/7?page=2&size=10")]
    [InlineData("services__userrpc__http__0=http://127.0.0.1:8080")]
    [InlineData("redis: 127.0.0.1:6379")]
    public void UrlsWithoutCredentialsAreLeftIntact(string text)
    {
        Assert.Equal(text, _redactor.RedactText(text));
    }

    [Theory]
    [InlineData("connecting to redis://default:hunter2@127.0.0.1:6379/0", "connecting to redis://default:[REDACTED]@127.0.0.1:6379/0")]
    [InlineData("GET http://ann:s3cr3t@example.com/x", "GET http://ann:[REDACTED]@example.com/x")]
    [InlineData("amqp://:only-a-password@mq:5672", "amqp://:[REDACTED]@mq:5672")]
    [InlineData("https://ghp_abcdef@github.com/o/r.git", "https://[REDACTED]@github.com/o/r.git")]
    [InlineData("https://idp/cb?code=1&access_token=abc&state=x", "https://idp/cb?code=1&access_token=[REDACTED]&state=x")]
    public void CredentialsInUrlsAreRedacted(string text, string expected)
    {
        Assert.Equal(expected, _redactor.RedactText(text));
    }

    [Fact]
    public void MultipartSecretFieldsAreRedacted()
    {
        var body = "--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nhunter2\r\n--b\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\nann\r\n--b--";

        var redacted = _redactor.RedactBody(body, "multipart/form-data; boundary=b");

        Assert.DoesNotContain("hunter2", redacted, StringComparison.Ordinal);
        Assert.Contains("ann", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void LongUnbrokenTextIsScannedRatherThanRejected()
    {
        // No match timeout: it is wall-clock time, and a CI box starved of CPU outlasted the default
        // second on this text (2026-12-03). What is asserted here is that no length cap rejects it.
        var redactor = new SecretRedactor(["ssn"], Regex.InfiniteMatchTimeout);
        var blob = new string('A', 200_000);

        var redacted = redactor.RedactText(blob + "= password=x");

        Assert.Equal(blob + "= password=[REDACTED]", redacted);
    }

    [Fact]
    public void TextWhoseScanOutlastsTheMatchTimeoutIsReplacedWhole()
    {
        // Ten million characters cannot be scanned in a millisecond on any machine.
        var redactor = new SecretRedactor(["ssn"], TimeSpan.FromMilliseconds(1));
        var blob = new string('A', 10_000_000);

        var redacted = redactor.RedactText(blob + "= password=x");

        Assert.Equal("[REDACTED]", redacted);
    }

    [Fact]
    public void RedactingTwiceChangesNothing()
    {
        var once = _redactor.RedactText("token=abc&password=\"x y\"");

        Assert.Equal(once, _redactor.RedactText(once));
    }
}
