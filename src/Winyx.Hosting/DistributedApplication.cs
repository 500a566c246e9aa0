namespace Winyx.Hosting;

/// <summary>The orchestrated application. Placeholder until the AppHost issue lands.</summary>
public static class DistributedApplication
{
}
