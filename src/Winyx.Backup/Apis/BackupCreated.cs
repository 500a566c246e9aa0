namespace Winyx.Backup.Apis;

/// <summary>The answer to <c>POST /api/backups</c>.</summary>
/// <param name="Path">The new backup's full path.</param>
/// <param name="SizeBytes">Its compressed size.</param>
/// <param name="FinishedAt">When it was complete.</param>
public sealed record BackupCreated(string Path, long SizeBytes, DateTimeOffset FinishedAt);
