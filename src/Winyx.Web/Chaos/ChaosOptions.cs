namespace Winyx.Web.Chaos;

/// <summary>The <c>Chaos</c> configuration section (<c>Chaos__Enabled</c>, <c>Chaos__Key</c>).</summary>
public sealed class ChaosOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Chaos";

    /// <summary>Maps the admin endpoints and the fault middleware; off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The value <c>X-Chaos-Key</c> must carry; without one every admin call is refused.</summary>
    public string? Key { get; set; }
}
