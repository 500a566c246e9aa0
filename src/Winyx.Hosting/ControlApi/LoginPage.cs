using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.ControlApi;

/// <summary>
/// <c>/login?t=TOKEN</c> sets the token cookie and shows a minimal resource table (refreshing
/// itself). The real dashboard replaces this page; the login contract stays the same.
/// </summary>
internal static class LoginPage
{
    public static IResult Login(string? t, HttpContext context, DashboardTokenFilter filter)
    {
        if (!filter.Matches(t))
        {
            return Page(StatusCodes.Status401Unauthorized, "<p>Invalid token. Open the <code>Dashboard:</code> link the AppHost printed.</p>");
        }

        context.Response.Cookies.Append(DashboardTokenFilter.CookieName, t!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
        });
        return Results.Redirect("/");
    }

    public static IResult Home(HttpContext context, DashboardTokenFilter filter, ResourceNotificationService notifications) =>
        filter.IsAuthorized(context.Request)
            ? Page(StatusCodes.Status200OK, Table(notifications.GetSnapshots()), refresh: true)
            : Page(StatusCodes.Status401Unauthorized, "<p>Not logged in. Open the <code>Dashboard:</code> link the AppHost printed.</p>");

    private static string Table(IReadOnlyList<ResourceSnapshot> snapshots)
    {
        var html = new StringBuilder("<table><tr><th>Resource</th><th>Type</th><th>State</th><th>Health</th><th>URLs</th><th>Details</th></tr>");
        foreach (var s in snapshots)
        {
            var urls = string.Join("<br>", s.Urls.Select(u => u.StartsWith("http", StringComparison.Ordinal)
                ? $"<a href=\"{Encode(u)}\">{Encode(u)}</a>"
                : Encode(u)));
            html.Append($"<tr><td>{Encode(s.Name)}</td><td>{Encode(s.ResourceType)}</td><td class=\"{Encode(s.State)}\">{Encode(s.State)}</td>")
                .Append($"<td>{Encode(s.HealthStatus?.ToString() ?? "")}</td><td>{urls}</td><td>{Encode(s.Message ?? "")}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static ContentHttpResult Page(int status, string body, bool refresh = false) => TypedResults.Content(
        $$"""
        <!doctype html><html><head><meta charset="utf-8"><title>Winyx</title>{{(refresh ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")}}
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
        .Running{color:#080}.FailedToStart,.Missing{color:#b00}.Exited{color:#666}</style></head>
        <body><h1>Winyx resources</h1>{{body}}</body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
