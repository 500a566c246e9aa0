using System.Net.Http.Json;
using System.Text.Json;

namespace Winyx.Testing.Monitoring;

/// <summary>Reads Prometheus' HTTP API envelope (<c>{"status":"success","data":…}</c>) in one place.</summary>
public static class PrometheusApi
{
    /// <summary>
    /// GETs <paramref name="pathAndQuery"/> (relative to <paramref name="prometheus"/>'s base address) and
    /// returns its <c>data</c>; throws <see cref="InvalidOperationException"/> with Prometheus' error type and
    /// message when it answers anything but success (a rejected query, say).
    /// </summary>
    public static async Task<JsonElement> GetDataAsync(HttpClient prometheus, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        using var response = await prometheus.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("status").GetString() == "success"
            ? body.GetProperty("data")
            : throw new InvalidOperationException($"{pathAndQuery}: {body.GetProperty("errorType")}: {body.GetProperty("error")}");
    }
}
