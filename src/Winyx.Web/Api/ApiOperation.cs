namespace Winyx.Web.Api;

/// <summary>
/// The Api operations the frontend calls. The name travels on each request so the metrics
/// handler can label <c>frontend_api_call_duration_seconds{operation}</c> with a bounded value
/// instead of a URL.
/// </summary>
public static class ApiOperation
{
    /// <summary>Request option carrying the operation name.</summary>
    public static readonly HttpRequestOptionsKey<string> Key = new("winyx.api.operation");

    /// <summary><c>POST /api/users/register</c>.</summary>
    public const string Register = "register";

    /// <summary><c>POST /api/users/login</c>.</summary>
    public const string LogIn = "login";

    /// <summary><c>GET /api/users/me</c>.</summary>
    public const string GetMe = "get_me";

    /// <summary><c>PUT /api/users/me</c>.</summary>
    public const string UpdateMe = "update_me";

    /// <summary><c>GET /api/users</c>.</summary>
    public const string ListUsers = "list_users";
}
