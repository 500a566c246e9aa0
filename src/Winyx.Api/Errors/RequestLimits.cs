namespace Winyx.Api.Errors;

/// <summary>The size limit of request bodies (configuration section <c>RequestLimits</c>).</summary>
public sealed class RequestLimits
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RequestLimits";

    /// <summary>The largest request body accepted, in bytes (default 64 KiB); larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}
