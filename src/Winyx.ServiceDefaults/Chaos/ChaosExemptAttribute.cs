namespace Winyx.ServiceDefaults.Chaos;

/// <summary>Endpoint metadata: the chaos middleware never injects faults here (the admin API carries it).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class ChaosExemptAttribute : Attribute
{
}
