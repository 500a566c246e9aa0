namespace Winyx.Alerts.Upstream;

/// <summary>Prometheus or Alertmanager could not answer: unreachable, an HTTP error, or a rejected query.</summary>
public sealed class UpstreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UpstreamException()
    {
    }

    /// <summary>Creates the exception with a message to show in place of the answer.</summary>
    public UpstreamException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public UpstreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
