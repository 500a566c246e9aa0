namespace Winyx.Alerts.Upstream;

/// <summary>
/// Where Prometheus and Alertmanager are, from the configuration Aspire injects for a reference
/// (<c>services__prometheus__http__0</c>, <c>services__alertmanager__http__0</c>).
/// </summary>
/// <remarks>
/// The URL is read directly rather than through service discovery's <c>http://prometheus</c>:
/// the pages also link the browser to Prometheus, and a browser cannot resolve that name.
/// </remarks>
public static class UpstreamAddresses
{
    /// <summary>The configuration key of Prometheus' address.</summary>
    public const string PrometheusKey = "services:prometheus:http:0";

    /// <summary>The configuration key of Alertmanager's address.</summary>
    public const string AlertmanagerKey = "services:alertmanager:http:0";

    /// <summary>The absolute address under <paramref name="key"/>, with a trailing slash, or null when unset.</summary>
    public static Uri? Read(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{key.Replace(":", "__", StringComparison.Ordinal)} is not an absolute URL: '{value}'.");
    }
}
