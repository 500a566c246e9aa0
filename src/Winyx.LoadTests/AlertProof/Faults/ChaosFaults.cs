using System.Globalization;
using System.Net.Http.Json;

namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>The services' chaos switch (<c>PUT|DELETE /admin/chaos</c>, key in <c>X-Chaos-Key</c>).</summary>
public static class ChaosFaults
{
    /// <summary>Fails <paramref name="errorRatio"/> of the calls to <paramref name="routes"/> on <paramref name="service"/>.</summary>
    public static Fault Errors(string service, double errorRatio, params string[] routes) =>
        Switch(service, new { errorRatio, routes }, string.Create(CultureInfo.InvariantCulture, $"{service} fails {errorRatio:P0} of {string.Join(", ", routes)}"));

    /// <summary>Delays every call to <paramref name="routes"/> on <paramref name="service"/> by <paramref name="latency"/>.</summary>
    public static Fault Latency(string service, TimeSpan latency, params string[] routes) =>
        Switch(service, new { latencyMs = (int)latency.TotalMilliseconds, routes }, string.Create(CultureInfo.InvariantCulture, $"{service} delays {string.Join(", ", routes)} by {latency.TotalMilliseconds:0} ms"));

    private static Fault Switch(string service, object settings, string description) => new(
        $"chaos switch: {description}",
        async (context, cancellationToken) =>
        {
            // UserRpc's HTTP/2-only port cannot serve the admin API; its management port does.
            var endpoint = context.Fleet.Endpoint(service, service == "userrpc" ? "management" : "http");
            var uri = new Uri(endpoint, "/admin/chaos");
            using (var put = Request(HttpMethod.Put, uri, context.Fleet.ChaosKey))
            {
                put.Content = JsonContent.Create(settings);
                using var response = await context.Http.SendAsync(put, cancellationToken).ConfigureAwait(false);
                await HttpAnswers.EnsureSuccessAsync(response, $"switching chaos on for {service}", cancellationToken).ConfigureAwait(false);
            }

            return Removal.Of(async () =>
            {
                using var delete = Request(HttpMethod.Delete, uri, context.Fleet.ChaosKey);
                using var response = await context.Http.SendAsync(delete, CancellationToken.None).ConfigureAwait(false);
                await HttpAnswers.EnsureSuccessAsync(response, $"switching chaos off for {service}", CancellationToken.None).ConfigureAwait(false);
            });
        });

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, string key)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("X-Chaos-Key", key);
        return request;
    }
}
