namespace Winyx.ServiceDefaults.Chaos;

/// <summary>How the HTTP chaos middleware fails a request it chose.</summary>
public enum ChaosFailureMode
{
    /// <summary>Answer 500 with a problem-details body titled "Injected fault" (an API).</summary>
    ProblemDetails,

    /// <summary>
    /// Throw <see cref="ChaosFaultException"/>, so the app's exception handler answers as it does for any real
    /// failure (a web frontend's friendly error page).
    /// </summary>
    Exception,
}
