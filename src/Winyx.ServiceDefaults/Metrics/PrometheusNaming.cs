using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Winyx.ServiceDefaults.Metrics;

/// <summary>
/// Keeps <c>/metrics</c> clean for <c>promtool check metrics</c>. Prometheus reserves the
/// <c>_count</c> suffix for histograms and summaries, yet the .NET runtime names three gauges
/// <c>*.count</c>; they are renamed (any other non-counter named <c>*.count</c> becomes <c>*.number</c>),
/// and instruments without a description get their name as help text so no family lacks <c># HELP</c>.
/// </summary>
internal static class PrometheusNaming
{
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers.active",
    };

    public static MetricStreamConfiguration? View(Instrument instrument)
    {
        var name = NameFor(instrument);
        var description = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : null;
        if (name is null && description is null)
        {
            return null;
        }

        return new MetricStreamConfiguration { Name = name, Description = description };
    }

    private static string? NameFor(Instrument instrument)
    {
        if (Renames.TryGetValue(instrument.Name, out var renamed))
        {
            return renamed;
        }

        var isCounter = instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal)
            || instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal);
        return !isCounter && instrument.Name.EndsWith(".count", StringComparison.Ordinal)
            ? instrument.Name[..^".count".Length] + ".number"
            : null;
    }
}
