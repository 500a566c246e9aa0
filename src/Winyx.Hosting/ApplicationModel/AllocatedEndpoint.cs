namespace Winyx.Hosting.ApplicationModel;

/// <summary>Where an endpoint of one running copy of a resource actually listens.</summary>
/// <param name="Scheme">URI scheme: <c>http</c>, <c>tcp</c>, …</param>
/// <param name="Host">Always the loopback address: Winyx binds nothing else.</param>
/// <param name="Port">The port chosen at start (the default, or a free one when the default was taken).</param>
public sealed record AllocatedEndpoint(string Scheme, string Host, int Port)
{
    /// <summary><c>scheme://host:port</c>, e.g. <c>http://127.0.0.1:8888</c>.</summary>
    public string Url => $"{Scheme}://{Host}:{Port}";

    /// <summary><c>host:port</c>, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string Address => $"{Host}:{Port}";
}
