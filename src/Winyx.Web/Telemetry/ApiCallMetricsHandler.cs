using System.Diagnostics;
using System.Globalization;
using Winyx.Web.Api;

namespace Winyx.Web.Telemetry;

/// <summary>
/// Measures each Api call into <c>frontend_api_call_duration_seconds{operation,status}</c>. Client
/// defaults (resilience, discovery) wrap this handler, so each attempt is measured on its own, as
/// the Api saw it; a connection that never answered is recorded with status <c>error</c>.
/// </summary>
public sealed class ApiCallMetricsHandler(WebMetrics metrics) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Options.TryGetValue(ApiOperation.Key, out var name) ? name : "other";
        var started = Stopwatch.GetTimestamp();
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response;
        }
        finally
        {
            metrics.RecordApiCall(operation, status, Stopwatch.GetElapsedTime(started));
        }
    }
}
