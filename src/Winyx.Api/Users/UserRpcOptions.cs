namespace Winyx.Api.Users;

/// <summary>How the API reaches UserRpc (configuration section <c>UserRpc</c>).</summary>
public sealed class UserRpcOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "UserRpc";

    /// <summary>
    /// The logical address; service discovery resolves <c>http://userrpc</c> from
    /// <c>services__userrpc__http__0</c> (h2c), exactly as Aspire injects it.
    /// </summary>
    public Uri Address { get; set; } = new("http://userrpc");

    /// <summary>The deadline of one call, retries included.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The deadline of the health probe.</summary>
    public TimeSpan HealthDeadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts (first try included) for idempotent reads when UserRpc is UNAVAILABLE; 1 turns retries off.</summary>
    public int ReadAttempts { get; set; } = 3;
}
