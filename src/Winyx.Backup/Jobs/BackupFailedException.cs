namespace Winyx.Backup.Jobs;

/// <summary>A backup attempt failed; the message says why (already logged and recorded in the health status).</summary>
public sealed class BackupFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BackupFailedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public BackupFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public BackupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
