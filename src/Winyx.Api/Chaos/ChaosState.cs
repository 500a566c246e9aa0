namespace Winyx.Api.Chaos;

/// <summary>The process-wide chaos switch; readers see one consistent <see cref="ChaosSettings"/>.</summary>
public sealed class ChaosState
{
    private volatile ChaosSettings _current = ChaosSettings.Off;

    /// <summary>The settings in force.</summary>
    public ChaosSettings Current => _current;

    /// <summary>Replaces the settings.</summary>
    public void Set(ChaosSettings settings) => _current = settings;

    /// <summary>Turns every fault off.</summary>
    public void Clear() => _current = ChaosSettings.Off;
}
