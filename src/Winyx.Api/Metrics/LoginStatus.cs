namespace Winyx.Api.Metrics;

/// <summary>The <c>status</c> label of <c>user_logins_total</c>.</summary>
public enum LoginStatus
{
    /// <summary>A token was issued.</summary>
    Success,

    /// <summary>Wrong e-mail or password (what the seed's <c>User*</c> alerts watch).</summary>
    Failure,

    /// <summary>Refused by the per-IP or per-account limit.</summary>
    RateLimited,

    /// <summary>The input was rejected before any credential check.</summary>
    Invalid,

    /// <summary>UserRpc failed or was unreachable.</summary>
    Error,
}
