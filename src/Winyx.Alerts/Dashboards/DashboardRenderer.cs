using Microsoft.Extensions.Options;
using Winyx.Alerts.Options;
using Winyx.Alerts.Upstream;

namespace Winyx.Alerts.Dashboards;

/// <summary>
/// Runs every panel's queries against Prometheus — ranges for time series, instants for stat, gauge
/// and table panels (Grafana's <c>lastNotNull</c>) — and names the series by their legend format.
/// A failing query fails only its panel, whose error is shown in its place.
/// </summary>
public sealed class DashboardRenderer(PrometheusClient prometheus, IOptions<AlertsOptions> options, TimeProvider time)
{
    // A few queries at a time: the dashboards run a dozen or two, and Prometheus shares the machine.
    private const int Parallelism = 4;

    private static readonly HashSet<string> InstantTypes = new(["stat", "gauge", "table", "bargauge"], StringComparer.Ordinal);

    /// <summary>Renders <paramref name="dashboard"/> over <c>from</c>..<c>to</c> with the chosen variable values.</summary>
    public async Task<DashboardView> RenderAsync(
        DashboardDefinition dashboard, string? from, IReadOnlyDictionary<string, string?> chosen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(chosen);
        var window = TimeWindow.Relative(TimeWindow.IsRelative(from) ? from! : dashboard.TimeFrom, dashboard.TimeTo, time.GetUtcNow());
        if (!prometheus.IsConfigured)
        {
            const string Problem = "Prometheus is not configured (services__prometheus__http__0 is not set), so no panel can be queried.";
            return new DashboardView(dashboard, window, new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(),
                [.. dashboard.Panels.Select(panel => new PanelResult(panel, [], Problem))])
            {
                Problem = Problem,
            };
        }

        var options = await VariableOptionsAsync(dashboard, ct).ConfigureAwait(false);
        var values = dashboard.Variables.ToDictionary(
            variable => variable.Name,
            variable => chosen.GetValueOrDefault(variable.Name) is { Length: > 0 } value ? value : variable.Default,
            StringComparer.Ordinal);

        using var gate = new SemaphoreSlim(Parallelism);
        var panels = await Task.WhenAll(dashboard.Panels.Select(panel => RenderPanelAsync(panel, values, window, gate, ct))).ConfigureAwait(false);
        return new DashboardView(dashboard, window, values, options, panels);
    }

    private async Task<PanelResult> RenderPanelAsync(
        PanelDefinition panel, IReadOnlyDictionary<string, string> values, TimeWindow window, SemaphoreSlim gate, CancellationToken ct)
    {
        if (panel.Type == "row" || panel.Targets.Count == 0)
        {
            return new PanelResult(panel, [], panel.Type == "row" ? null : "This panel has no Prometheus query.");
        }

        var series = new List<RenderedSeries>();
        try
        {
            foreach (var target in panel.Targets)
            {
                var query = GrafanaVariables.Substitute(target.Expression, values, window, options.Value.ScrapeInterval);
                await gate.WaitAsync(ct).ConfigureAwait(false);
                IReadOnlyList<PrometheusSeries> result;
                try
                {
                    result = InstantTypes.Contains(panel.Type) || target.Instant
                        ? await prometheus.QueryAsync(query, window.End, ct).ConfigureAwait(false)
                        : await prometheus.QueryRangeAsync(query, window.Start, window.End, window.Step, ct).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }

                series.AddRange(result.Select(s => new RenderedSeries(LegendFormat.Apply(target.LegendFormat, s.Labels, query), s.Labels, s.Points)));
            }
        }
        catch (UpstreamException ex)
        {
            return new PanelResult(panel, series, ex.Message);
        }

        return new PanelResult(panel, series, null);
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> VariableOptionsAsync(DashboardDefinition dashboard, CancellationToken ct)
    {
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var variable in dashboard.Variables)
        {
            IReadOnlyList<string> values = variable.FixedOptions;
            if (variable is { OptionsMetric: { } metric, OptionsLabel: { } label })
            {
                try
                {
                    values = await prometheus.GetLabelValuesAsync(label, metric, ct).ConfigureAwait(false);
                }
                catch (UpstreamException)
                {
                    // The panels will show Prometheus' error; the selector falls back to the default alone.
                }
            }

            options[variable.Name] = values.Contains(variable.Default) ? values : [variable.Default, .. values];
        }

        return options;
    }
}
