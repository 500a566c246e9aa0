namespace Winyx.Api.Metrics;

/// <summary>Settings of the <c>active_users</c> gauge (configuration section <c>ActiveUsers</c>).</summary>
public sealed class ActiveUsersOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActiveUsers";

    /// <summary>A user is active when seen within this window (whole minutes).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the users seen meanwhile are sent to Redis (one PFADD per minute key).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one PFCOUNT answer serves scrapes, so frequent scrapes cost one Redis call.</summary>
    public TimeSpan CountCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
