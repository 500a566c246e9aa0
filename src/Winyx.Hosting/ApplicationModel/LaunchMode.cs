namespace Winyx.Hosting.ApplicationModel;

/// <summary>How a resource runs this time.</summary>
public enum LaunchMode
{
    /// <summary>A local process (a Debian package's binary, a project's dll).</summary>
    Process,

    /// <summary>A container through the docker or podman CLI.</summary>
    Container,
}
