using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Winyx.UserRpc.Data;

/// <summary>
/// MySQL <c>datetime</c> columns carry no time zone, so values come back as
/// <see cref="DateTimeKind.Unspecified"/>; every timestamp Winyx writes is UTC, so say so on read.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => FromStore(value))
{
    /// <summary>A value as read from a <c>datetime</c> column, marked UTC (what EF Core's reads return too).</summary>
    public static DateTime FromStore(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
