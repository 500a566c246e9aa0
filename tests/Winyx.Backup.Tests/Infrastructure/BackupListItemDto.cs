namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>One entry of <c>GET /api/backups</c>, as a client reads it.</summary>
public sealed record BackupListItemDto(string Name, long SizeBytes, DateTimeOffset CreatedAt);
