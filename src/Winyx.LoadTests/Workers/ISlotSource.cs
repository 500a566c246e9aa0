namespace Winyx.LoadTests.Workers;

/// <summary>Where the open model's dispatcher starts iterations.</summary>
internal interface ISlotSource
{
    /// <summary>Starts an iteration intended to begin at <paramref name="intendedStart"/>; false when every slot is busy.</summary>
    bool TryStart(TimeSpan intendedStart);
}
