namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// The container shares the host's network (<c>--network host</c>): it binds its allocated ports on
/// 127.0.0.1 itself and reaches the other resources on loopback, exactly like the local binary.
/// </summary>
public sealed class ContainerHostNetworkAnnotation : IResourceAnnotation;
