namespace Winyx.ServiceDefaults.Chaos;

/// <summary>The failure the chaos middleware injects in <see cref="ChaosFailureMode.Exception"/> mode.</summary>
public sealed class ChaosFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChaosFaultException()
        : base("Chaos: injected failure.")
    {
    }

    /// <summary>Creates the exception for the request to <paramref name="target"/>.</summary>
    public ChaosFaultException(string target)
        : base($"Chaos: injected failure on {target}.")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ChaosFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
