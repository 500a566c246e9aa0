namespace Winyx.Web.Chaos;

/// <summary>The failure the chaos switch injects; it travels the real error path to the 500 page.</summary>
public sealed class ChaosFaultException : Exception
{
    /// <summary>Creates the exception for <paramref name="page"/>.</summary>
    public ChaosFaultException(string page)
        : base($"Chaos: injected failure on page {page}.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChaosFaultException()
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ChaosFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
