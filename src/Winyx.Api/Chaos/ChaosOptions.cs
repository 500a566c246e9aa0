namespace Winyx.Api.Chaos;

/// <summary>Fault-injection switch (configuration section <c>Chaos</c>); off unless <c>Chaos__Enabled=true</c>.</summary>
public sealed class ChaosOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chaos";

    /// <summary>Whether the admin endpoint and the middleware exist at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>The secret callers must send as <c>X-Chaos-Key</c>; required when <see cref="Enabled"/>.</summary>
    public string? Key { get; set; }

    /// <summary>Targets never faulted, even when the route list is empty (= all): probes and the switch itself.</summary>
    public IList<string> ExemptTargets { get; } = ["/health", "/alive", "/metrics", "/admin/chaos"];

    /// <summary>
    /// Names the target of a request, which <c>routes</c> entries are compared with; null skips the request.
    /// Defaults to the endpoint's route template (<c>/api/users/{id}</c>); a page-based app can name pages instead.
    /// </summary>
    public Func<HttpContext, string?> TargetOf { get; set; } = ChaosTarget.RouteTemplate;
}
