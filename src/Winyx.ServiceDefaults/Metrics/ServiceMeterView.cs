using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Winyx.ServiceDefaults.Metrics;

/// <summary>
/// The one view every Winyx meter provider uses: it keeps a service's <c>/metrics</c> to the meters of its
/// own service container, then applies <see cref="PrometheusNaming"/>.
/// </summary>
/// <remarks>
/// OpenTelemetry .NET selects meters by name only, so two hosts in one process (a test and its fixture,
/// two <c>WebApplicationFactory</c> instances) each aggregate the other's same-named instruments into one
/// stream, and disposing one host ends that stream for both (open-telemetry/opentelemetry-dotnet#6412).
/// A meter made by another container's <see cref="IMeterFactory"/> is therefore dropped; meters made
/// without a factory (runtime, static meters) have no scope and are kept.
/// </remarks>
internal sealed class ServiceMeterView(IMeterFactory ownFactory)
{
    public MetricStreamConfiguration? Select(Instrument instrument) =>
        IsFromAnotherContainer(instrument) ? MetricStreamConfiguration.Drop : PrometheusNaming.View(instrument);

    private bool IsFromAnotherContainer(Instrument instrument) =>
        instrument.Meter.Scope is IMeterFactory scope && !ReferenceEquals(scope, ownFactory);
}
