namespace Winyx.Web.Api;

/// <summary>Maps Api failures to the sentences users read.</summary>
public static class ApiErrorMessages
{
    /// <summary>409 on register or profile update.</summary>
    public const string EmailTaken = "This email is already registered.";

    /// <summary>409 or 412 on a profile update that raced another one (another tab, another device).</summary>
    public const string ChangedElsewhere = "Your profile was changed elsewhere. Reload the page and try again.";

    /// <summary>401 on login.</summary>
    public const string WrongCredentials = "Wrong email or password.";

    /// <summary>401 anywhere else: the token expired or was revoked.</summary>
    public const string SessionExpired = "Your session has expired. Please log in again.";

    /// <summary>429.</summary>
    public const string TooManyAttempts = "Too many attempts. Please wait a minute and try again.";

    /// <summary>502/503/504 or no answer at all.</summary>
    public const string Unavailable = "The service is temporarily unavailable. Please try again in a moment.";

    /// <summary>400 with field errors.</summary>
    public const string InvalidFields = "Please correct the highlighted fields.";

    /// <summary>404.</summary>
    public const string NotFound = "We couldn't find what you were looking for.";

    /// <summary>Anything else.</summary>
    public const string Unexpected = "Something went wrong on our side. Please try again.";

    /// <summary>The friendly message for <paramref name="error"/>.</summary>
    public static string For(ApiError error) => error.Status switch
    {
        _ when error.IsUnavailable => Unavailable,
        StatusCodes.Status429TooManyRequests => TooManyAttempts,
        StatusCodes.Status409Conflict => error.IsEmailTaken ? EmailTaken : ChangedElsewhere,
        StatusCodes.Status412PreconditionFailed => ChangedElsewhere,
        StatusCodes.Status401Unauthorized when error.Operation == ApiOperation.LogIn => WrongCredentials,
        StatusCodes.Status401Unauthorized => SessionExpired,
        StatusCodes.Status400BadRequest when error.FieldErrors.Count > 0 => InvalidFields,
        StatusCodes.Status400BadRequest => error.Detail ?? InvalidFields,
        StatusCodes.Status404NotFound => NotFound,
        _ => Unexpected,
    };
}
