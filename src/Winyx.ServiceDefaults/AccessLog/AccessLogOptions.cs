namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>The access log (configuration section <c>Logging:AccessLog</c>).</summary>
public sealed class AccessLogOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Logging:AccessLog";

    /// <summary>The logger category of access-log records.</summary>
    public const string Category = "Winyx.AccessLog";

    /// <summary>Whether a record is written per request (default true). The request id is handled either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Request and response bodies are logged for responses with at least this status (default 400).</summary>
    public int BodyFromStatus { get; set; } = 400;

    /// <summary>Bodies are cut at this many bytes (default 10240, the seed's <c>MaxContentLength</c>).</summary>
    public int MaxBodyBytes { get; set; } = 10240;
}
