namespace Winyx.Backup.Jobs;

/// <summary>A finished backup.</summary>
/// <param name="Path">The backup file's full path.</param>
/// <param name="SizeBytes">Its compressed size.</param>
/// <param name="FinishedAt">When it was complete (renamed into place).</param>
public sealed record BackupResult(string Path, long SizeBytes, DateTimeOffset FinishedAt);
