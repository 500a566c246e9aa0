namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>A clock standing still at <see cref="Now"/>, which a test moves.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>The time the clock shows.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}
