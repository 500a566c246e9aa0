using System.Net;
using System.Text.RegularExpressions;

namespace Winyx.Web.Tests.Infrastructure;

/// <summary>
/// A browser-less visitor of the web frontend: keeps cookies, does not follow redirects (so tests
/// see them), and submits the server-rendered forms the way a browser would, anti-forgery token
/// included unless a test leaves it out.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A visitor of the site at <paramref name="baseAddress"/>.</summary>
    public FormClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    /// <summary>The cookies the site has set.</summary>
    public CookieContainer Cookies { get; }

    /// <summary>GETs <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>
    /// Loads the page at <paramref name="path"/> and posts its form <paramref name="formName"/> with
    /// <paramref name="fields"/> (form field names as rendered, e.g. <c>Input.Email</c>).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        using var page = await GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{path} rendered no anti-forgery token (status {(int)page.StatusCode}).");
        }

        // Like a browser, post the page's hidden fields too (the profile's version); the test's fields win.
        var withHidden = new Dictionary<string, string>(fields);
        foreach (Match hidden in HiddenField().Matches(html))
        {
            withHidden.TryAdd(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        return await PostAsync(path, formName, withHidden, token.Groups[1].Value);
    }

    /// <summary>Logs in through the login form (against the fake Api any credentials do) and keeps the session cookie.</summary>
    public async Task LogInAsync(string email = "ada@example.com", string password = "correct horse battery staple")
    {
        using var response = await SubmitAsync("/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"log-in answered {(int)response.StatusCode}, not a redirect");
        }
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/>'s form without an anti-forgery token.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string path, string formName, IReadOnlyDictionary<string, string> fields) =>
        PostAsync(path, formName, fields, token: null);

    /// <summary>Path and query a redirect points to, whether its Location is absolute or relative.</summary>
    public static string? RedirectTarget(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> PostAsync(
        string path, string formName, IReadOnlyDictionary<string, string> fields, string? token)
    {
        var body = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (token is not null)
        {
            body["__RequestVerificationToken"] = token;
        }

        return _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(body));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<input type=\"hidden\" name=\"(Input\\.[^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
