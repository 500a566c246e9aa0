namespace Winyx.Hosting;

/// <summary>The model is wrong (a cycle, an unknown reference, a missing project, a port clash); the message names the culprit.</summary>
public sealed class DistributedApplicationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DistributedApplicationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DistributedApplicationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DistributedApplicationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
