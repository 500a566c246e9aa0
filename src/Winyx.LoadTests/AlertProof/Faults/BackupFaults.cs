namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>Faults in the backup job: a stalled schedule, a truncated backup.</summary>
public static class BackupFaults
{
    private const string Backup = "backup";
    private const string BackUpNow = "backup-now";

    /// <summary>A fresh backup, then the job stopped: no backup follows, the newest one ages. Removal starts it (it backs up at start).</summary>
    public static Fault Stall() => new(
        "backup job stopped right after a backup (the schedule stalls)",
        async (context, cancellationToken) =>
        {
            await context.Fleet.CommandAsync(Backup, BackUpNow, cancellationToken).ConfigureAwait(false);
            await context.Fleet.StopAsync(Backup, cancellationToken).ConfigureAwait(false);
            return Removal.Of(() => context.Fleet.StartAsync(Backup, CancellationToken.None));
        });

    /// <summary>A fresh backup, then its file truncated on disk to <paramref name="bytes"/> bytes. Removal backs up again.</summary>
    public static Fault Truncate(int bytes) => new(
        $"the newest backup file truncated to {bytes} bytes on disk",
        async (context, cancellationToken) =>
        {
            await context.Fleet.CommandAsync(Backup, BackUpNow, cancellationToken).ConfigureAwait(false);
            var directory = await context.Fleet.EnvironmentAsync(Backup, "Backup__Directory", cancellationToken).ConfigureAwait(false);
            var newest = new DirectoryInfo(directory).EnumerateFiles("db_backup_*.sql.gz").MaxBy(f => f.Name, StringComparer.Ordinal)
                ?? throw new InvalidOperationException($"no backup in {directory}");
            using (var stream = newest.Open(FileMode.Open, FileAccess.Write))
            {
                stream.SetLength(bytes);
            }

            return Removal.Of(() => context.Fleet.CommandAsync(Backup, BackUpNow, CancellationToken.None));
        });
}
