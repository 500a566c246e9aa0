using Winyx.Alerts.Upstream;

namespace Winyx.Alerts.Rules;

/// <summary>
/// Each alerting rule Prometheus runs (expression, <c>for</c>, severity, state) with the receivers the
/// routing tree Alertmanager runs gives its static labels.
/// </summary>
public sealed class RulesService(PrometheusClient prometheus, AlertmanagerClient alertmanager)
{
    /// <summary>Reads both and joins them.</summary>
    public async Task<RulesReport> GetAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        IReadOnlyList<PrometheusAlertRule> rules = [];
        RoutingTree? routing = null;
        if (!prometheus.IsConfigured)
        {
            problems.Add("Prometheus is not configured (services__prometheus__http__0 is not set): no rules to show.");
        }
        else
        {
            try
            {
                rules = await prometheus.GetAlertRulesAsync(ct).ConfigureAwait(false);
            }
            catch (UpstreamException ex)
            {
                problems.Add(ex.Message);
            }
        }

        if (!alertmanager.IsConfigured)
        {
            problems.Add("Alertmanager is not configured (services__alertmanager__http__0 is not set): receivers unknown.");
        }
        else
        {
            try
            {
                routing = RoutingTree.Parse(await alertmanager.GetConfigurationAsync(ct).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is UpstreamException or FormatException or YamlDotNet.Core.YamlException)
            {
                problems.Add($"Alertmanager's routing tree could not be read: {ex.Message}");
            }
        }

        return new RulesReport(
            [.. rules.Select(rule => new RuleView(rule, routing?.ReceiversFor(WithName(rule)) ?? []))],
            problems);
    }

    private static Dictionary<string, string> WithName(PrometheusAlertRule rule) =>
        new(rule.Labels, StringComparer.Ordinal) { ["alertname"] = rule.Name };
}
