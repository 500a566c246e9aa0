using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Winyx.UserRpc.Data;

/// <summary>
/// MySQL <c>datetime</c> columns carry no time zone, so values come back as
/// <see cref="DateTimeKind.Unspecified"/>; every timestamp Winyx writes is UTC, so say so on read.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
