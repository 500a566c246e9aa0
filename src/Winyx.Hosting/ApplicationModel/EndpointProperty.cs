namespace Winyx.Hosting.ApplicationModel;

/// <summary>Which part of an endpoint a value resolves to.</summary>
public enum EndpointProperty
{
    /// <summary><c>http://127.0.0.1:8888</c></summary>
    Url,

    /// <summary><c>127.0.0.1</c></summary>
    Host,

    /// <summary><c>8888</c></summary>
    Port,

    /// <summary><c>127.0.0.1:8888</c></summary>
    HostAndPort,
}
