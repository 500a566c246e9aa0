using System.Diagnostics.Metrics;
using Winyx.LoadTests.Telemetry;

namespace Winyx.LoadTests.Tests.Infrastructure;

/// <summary>Reads the engine's live state through its <c>Winyx.LoadTests</c> meter, as an exporter would.</summary>
internal static class EngineProbe
{
    public static long Dropped(string scenario) => (long)Read("winyx.loadtest.dropped_iterations", scenario).Sum();

    public static List<double> Read(string instrument, string scenario, string? extraTag = null, object? extraValue = null)
    {
        var values = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == EngineMetrics.MeterName && i.Name == instrument)
            {
                l.EnableMeasurementEvents(i);
            }
        };
        void OnMeasurement(ReadOnlySpan<KeyValuePair<string, object?>> tags, double value)
        {
            var matches = false;
            var extra = extraTag is null;
            foreach (var tag in tags)
            {
                matches |= tag.Key == "scenario" && (string?)tag.Value == scenario;
                extra |= tag.Key == extraTag && Equals(tag.Value, extraValue);
            }

            if (matches && extra)
            {
                values.Add(value);
            }
        }

        listener.SetMeasurementEventCallback<long>((_, v, tags, _) => OnMeasurement(tags, v));
        listener.SetMeasurementEventCallback<double>((_, v, tags, _) => OnMeasurement(tags, v));
        listener.SetMeasurementEventCallback<int>((_, v, tags, _) => OnMeasurement(tags, v));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
