namespace Winyx.ServiceDefaults.Chaos;

/// <summary>
/// Static chaos configuration (section <c>Chaos</c>): whether the switch exists at all and the key that
/// guards it. The faults themselves are set at run time through <c>/admin/chaos</c>.
/// </summary>
public sealed class ChaosOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chaos";

    /// <summary>When false (the default) <c>/admin/chaos</c> does not exist and no fault is ever injected.</summary>
    public bool Enabled { get; set; }

    /// <summary>The value <c>X-Chaos-Key</c> must carry; required when <see cref="Enabled"/>.</summary>
    public string? Key { get; set; }

    /// <summary>Optional seed for the error-ratio dice, for reproducible runs.</summary>
    public int? Seed { get; set; }
}
