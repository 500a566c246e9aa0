namespace Winyx.Backup.Storage;

/// <summary>One finished backup in the backup directory.</summary>
/// <param name="Name">The file name, <c>db_backup_&lt;yyyyMMddTHHmmssZ&gt;.sql.gz</c>.</param>
/// <param name="Path">The full path.</param>
/// <param name="SizeBytes">The compressed size.</param>
/// <param name="CreatedAt">When it was started (the name's UTC timestamp).</param>
public sealed record BackupFile(string Name, string Path, long SizeBytes, DateTimeOffset CreatedAt);
