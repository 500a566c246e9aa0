namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>The body of <c>POST /api/backups</c>'s 201, as a client reads it.</summary>
public sealed record CreatedBackupDto(string Path, long SizeBytes, DateTimeOffset FinishedAt);
