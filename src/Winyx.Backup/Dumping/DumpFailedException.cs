namespace Winyx.Backup.Dumping;

/// <summary><c>mariadb-dump</c> could not start or exited with an error; the message carries its last error lines.</summary>
public sealed class DumpFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DumpFailedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DumpFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public DumpFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
