using System.Net.Http.Json;
using System.Text.Json;

namespace Winyx.Alerts.Upstream;

/// <summary>GETs JSON from Prometheus or Alertmanager, turning every failure into <see cref="UpstreamException"/>.</summary>
internal static class ApiEnvelope
{
    /// <summary>The whole JSON body of a GET.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string name, string pathAndQuery, CancellationToken ct)
    {
        if (http.BaseAddress is null)
        {
            throw new UpstreamException($"{name} is not configured.");
        }

        try
        {
            using var response = await http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), ct).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !IsPrometheusError(body))
            {
                throw new UpstreamException($"{name} answered {(int)response.StatusCode} {response.ReasonPhrase} to {pathAndQuery}.");
            }

            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new UpstreamException($"{name} at {http.BaseAddress} is unreachable: {ex.Message}", ex);
        }
    }

    /// <summary>The <c>data</c> of Prometheus' envelope (<c>{"status":"success","data":…}</c>), or its error.</summary>
    public static async Task<JsonElement> GetPrometheusDataAsync(HttpClient http, string pathAndQuery, CancellationToken ct)
    {
        var body = await GetJsonAsync(http, "Prometheus", pathAndQuery, ct).ConfigureAwait(false);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("status", out var status) && status.GetString() == "success")
        {
            return body.GetProperty("data");
        }

        var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var message) ? message.GetString() : body.ToString();
        var type = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errorType", out var kind) ? kind.GetString() : "error";
        throw new UpstreamException($"Prometheus: {type}: {error}");
    }

    private static bool IsPrometheusError(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errorType", out _);
}
