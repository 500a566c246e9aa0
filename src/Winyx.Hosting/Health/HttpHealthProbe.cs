using System.Globalization;

namespace Winyx.Hosting.Health;

/// <summary>Healthy when <c>GET path</c> on an endpoint answers a 2xx status (Aspire's <c>WithHttpHealthCheck</c>).</summary>
/// <param name="EndpointName">The endpoint to call.</param>
/// <param name="Path">The path, e.g. <c>/health</c>.</param>
public sealed record HttpHealthProbe(string EndpointName, string Path) : IHealthProbe
{
    /// <inheritdoc />
    public string Description => $"GET {Path} on {EndpointName}";

    /// <inheritdoc />
    public async Task<HealthProbeResult> ProbeAsync(HealthProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = new Uri(new Uri(context.Endpoint(EndpointName).Url), Path);
        using var response = await context.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? HealthProbeResult.Healthy
            : HealthProbeResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"GET {Path} answered {(int)response.StatusCode}"));
    }
}
