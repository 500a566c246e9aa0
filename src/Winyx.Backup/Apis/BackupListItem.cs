namespace Winyx.Backup.Apis;

/// <summary>One entry of <c>GET /api/backups</c>.</summary>
/// <param name="Name">The file name in the backup directory.</param>
/// <param name="SizeBytes">Its compressed size.</param>
/// <param name="CreatedAt">When the backup started (the name's UTC timestamp).</param>
public sealed record BackupListItem(string Name, long SizeBytes, DateTimeOffset CreatedAt);
