using System.Diagnostics;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint of a resource. <see cref="Port"/> is the wish (a DESIGN.md default, or null for
/// any); the orchestrator fills <see cref="Allocated"/> at start with one address per replica.
/// </summary>
[DebuggerDisplay("Endpoint {Name} {UriScheme} {Port}")]
public sealed class EndpointAnnotation : IResourceAnnotation
{
    private IReadOnlyList<AllocatedEndpoint> _allocated = [];

    /// <summary>Creates an endpoint.</summary>
    /// <param name="name">Endpoint name, e.g. <c>http</c>; it appears in <c>services__api__http__0</c>.</param>
    /// <param name="uriScheme"><c>http</c> or <c>tcp</c>.</param>
    /// <param name="port">Preferred port; taken → a free one is used instead (unless isolated, where every port is free).</param>
    /// <param name="transport"><c>http</c>, <c>http2</c> (h2c, gRPC) or <c>tcp</c>; defaults from the scheme.</param>
    public EndpointAnnotation(string name, string uriScheme = "http", int? port = null, string? transport = null)
    {
        ModelName.Validate(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(uriScheme);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.");
        }

        Name = name;
        UriScheme = uriScheme;
        Port = port is 0 ? null : port;
        Transport = transport ?? (IsHttp ? "http" : uriScheme);
    }

    /// <summary>Endpoint name.</summary>
    public string Name { get; }

    /// <summary>URI scheme of the endpoint's URL.</summary>
    public string UriScheme { get; }

    /// <summary>The preferred port, or null for any free port.</summary>
    public int? Port { get; set; }

    /// <summary><c>http</c>, <c>http2</c> or <c>tcp</c>.</summary>
    public string Transport { get; set; }

    /// <summary>True for http and https endpoints (those get service discovery variables and show as URLs).</summary>
    public bool IsHttp => UriScheme is "http" or "https";

    /// <summary>The addresses allocated at start, one per replica; empty before start.</summary>
    public IReadOnlyList<AllocatedEndpoint> Allocated => Volatile.Read(ref _allocated);

    /// <summary>True once the orchestrator has chosen the ports.</summary>
    public bool IsAllocated => Allocated.Count > 0;

    /// <summary>Records the addresses chosen for each replica. Called by the orchestrator.</summary>
    public void Allocate(IReadOnlyList<AllocatedEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Volatile.Write(ref _allocated, endpoints.ToArray());
    }
}
