using System.Diagnostics;

namespace Winyx.UserRpc.Diagnostics;

/// <summary>The ActivitySource behind the per-command MySQL spans.</summary>
internal static class DataTracing
{
    /// <summary>Name of the source; matches the <c>Winyx.*</c> pattern ServiceDefaults listens to.</summary>
    public const string SourceName = "Winyx.UserRpc.Data";

    /// <summary>The shared source.</summary>
    public static readonly ActivitySource Source = new(SourceName);
}
