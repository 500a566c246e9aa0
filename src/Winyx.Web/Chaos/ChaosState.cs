namespace Winyx.Web.Chaos;

/// <summary>The faults currently injected; replaced whole, so readers never see half an update.</summary>
public sealed class ChaosState
{
    private volatile ChaosSettings _current = ChaosSettings.Off;

    /// <summary>The active settings (<see cref="ChaosSettings.Off"/> when none).</summary>
    public ChaosSettings Current => _current;

    /// <summary>Replaces the active settings.</summary>
    public void Set(ChaosSettings settings) => _current = settings;

    /// <summary>Turns every fault off.</summary>
    public void Reset() => _current = ChaosSettings.Off;
}
