using Microsoft.AspNetCore.Http;

namespace Winyx.ServiceDefaults.Chaos;

/// <summary>How <c>app.UseChaos()</c> names requests and fails them.</summary>
public sealed class ChaosHttpOptions
{
    /// <summary>
    /// Names the target of a request, which <c>routes</c> entries are compared with; null leaves the request
    /// alone. Defaults to the endpoint's route template; a web frontend names its pages instead.
    /// </summary>
    public Func<HttpContext, string?> Target { get; set; } = ChaosTarget.RouteTemplate;

    /// <summary>How a chosen request fails; <see cref="ChaosFailureMode.ProblemDetails"/> by default.</summary>
    public ChaosFailureMode Failure { get; set; } = ChaosFailureMode.ProblemDetails;
}
