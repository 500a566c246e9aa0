namespace Winyx.Api.Chaos;

/// <summary>Endpoint metadata: never inject faults here.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class ChaosExemptAttribute : Attribute
{
}
