namespace Winyx.Hosting.Orchestrator;

/// <summary>A resource cannot start: a dependency failed, the build failed. The message says why.</summary>
public sealed class ResourceStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResourceStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResourceStartException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResourceStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
