using System.Text.Json;
using Winyx.Monitoring.Tests.Infrastructure;
using Winyx.Testing.Monitoring;

namespace Winyx.Monitoring.Tests.Grafana;

/// <summary>Static checks of the Grafana files (no Grafana binary on these machines; the live queries run in <c>LiveMonitoringTests</c>).</summary>
public sealed class GrafanaProvisioningTests
{
    [Fact]
    public void ProvidesTheFourDashboardsWithUniqueUidsAndPanelIds()
    {
        var dashboards = DashboardCatalog.Dashboards;

        Assert.Equal(["alerts-overview.json", "business-metrics.json", "service-red.json", "system-overview.json"], dashboards.Select(d => d.File));
        Assert.Equal(dashboards.Count, dashboards.Select(d => d.Dashboard.GetProperty("uid").GetString()).Distinct().Count());
        Assert.All(dashboards, dashboard =>
        {
            var ids = dashboard.Dashboard.GetProperty("panels").EnumerateArray().Select(panel => panel.GetProperty("id").GetInt32()).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        });
    }

    [Fact]
    public void DashboardsAreBareModelsAsProvisioningExpects()
    {
        // The seed wrapped them in {"dashboard": …}, the HTTP API's envelope; file provisioning wants the model itself.
        Assert.All(DashboardCatalog.Dashboards, dashboard => Assert.False(dashboard.Dashboard.TryGetProperty("dashboard", out _), dashboard.File));
    }

    [Fact]
    public void NoPanelUsesTheDeprecatedGraphType()
    {
        var graphs = DashboardCatalog.Panels.Where(panel => panel.Type == "graph").Select(panel => panel.ToString()).ToList();

        Assert.True(graphs.Count == 0, $"'graph' panels are deprecated (use timeseries): {string.Join("; ", graphs)}");
    }

    [Fact]
    public void EveryPanelQueriesTheProvisionedDatasource()
    {
        var uid = ProvisionedDatasourceUid();

        var wrong = DashboardCatalog.Panels
            .Where(panel => panel.Panel.GetProperty("datasource").GetProperty("uid").GetString() != uid
                || panel.Targets.Any(target => target.GetProperty("datasource").GetProperty("uid").GetString() != uid))
            .Select(panel => panel.ToString())
            .ToList();

        Assert.True(wrong.Count == 0, $"Panels not on datasource uid '{uid}': {string.Join("; ", wrong)}");
    }

    [Fact]
    public void EveryPanelHasAQueryAndNoneUsesIrate()
    {
        Assert.All(DashboardCatalog.Panels, panel => Assert.NotEmpty(panel.Expressions));
        Assert.DoesNotContain(DashboardCatalog.Queries, query => query.Expression.Contains("irate(", StringComparison.Ordinal));
    }

    [Fact]
    public void BusinessDashboardCountsRatesAndUsersNotLifetimeCountersOrSeries()
    {
        var business = DashboardCatalog.Queries.Where(query => query.File == "business-metrics.json").ToList();

        var cacheRatio = business.Single(query => query.Panel == "Cache hit ratio").Expression;
        Assert.Contains("rate(cache_hits_total[5m])", cacheRatio, StringComparison.Ordinal);
        Assert.Contains("rate(cache_misses_total[5m])", cacheRatio, StringComparison.Ordinal);
        Assert.Equal("max(active_users)", business.Single(query => query.Panel == "Active users (15 min)").Expression);
        Assert.Contains("status=\"success\"", business.Single(query => query.Panel == "Registrations (24h)").Expression, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemOverviewShowsCpuPerInstance()
    {
        var cpu = DashboardCatalog.Queries.Single(query => query.File == "system-overview.json" && query.Panel == "CPU usage per instance");

        Assert.Equal("instance:node_cpu_utilisation:ratio_rate5m", cpu.Expression);
    }

    [Fact]
    public void RedDashboardOffersAServiceVariable()
    {
        var red = DashboardCatalog.Dashboards.Single(d => d.File == "service-red.json").Dashboard;

        var variable = red.GetProperty("templating").GetProperty("list").EnumerateArray().Single();
        Assert.Equal("service", variable.GetProperty("name").GetString());
        Assert.All(DashboardCatalog.Queries.Where(q => q.File == "service-red.json" && q.Panel.StartsWith("Rate", StringComparison.Ordinal)), query =>
            Assert.Contains("service=\"$service\"", query.Expression, StringComparison.Ordinal));
    }

    [Fact]
    public void ProvisioningTakesUrlsAndPathsFromTheEnvironment()
    {
        var datasource = File.ReadAllText(Path.Combine(MonitoringLayout.GrafanaDirectory, "provisioning", "datasources", "prometheus.yml"));
        var provider = File.ReadAllText(Path.Combine(MonitoringLayout.GrafanaDirectory, "provisioning", "dashboards", "winyx.yml"));

        Assert.Contains("url: ${PROMETHEUS_URL}", datasource, StringComparison.Ordinal);
        Assert.Contains("path: ${WINYX_GRAFANA_DASHBOARDS}", provider, StringComparison.Ordinal);
    }

    [Fact]
    public void GrafanaIniKeepsTheSeedsSecuritySettingsWithoutSecrets()
    {
        var ini = ReadIni(Path.Combine(MonitoringLayout.GrafanaDirectory, "grafana.ini"));

        Assert.Equal("$__env{GRAFANA_ADMIN_PASSWORD}", ini["security"]["admin_password"]);
        Assert.Equal("$__env{GRAFANA_SECRET_KEY}", ini["security"]["secret_key"]);
        Assert.Equal("true", ini["security"]["cookie_secure"]);
        Assert.Equal("strict", ini["security"]["cookie_samesite"]);
        Assert.Equal("true", ini["security"]["disable_gravatar"]);
        Assert.Equal("false", ini["users"]["allow_sign_up"]);
        Assert.Equal("false", ini["users"]["allow_org_create"]);
        Assert.Equal("false", ini["auth.anonymous"]["enabled"]);
        Assert.Equal("3001", ini["server"]["http_port"]);
        // Legacy alerting makes Grafana 11+ refuse to start.
        Assert.False(ini.ContainsKey("alerting"));
    }

    private static string ProvisionedDatasourceUid()
    {
        var datasource = Yaml.Read<DatasourceFileDto>(Path.Combine(MonitoringLayout.GrafanaDirectory, "provisioning", "datasources", "prometheus.yml"));
        return datasource.Datasources.Single().Uid;
    }

    private static Dictionary<string, Dictionary<string, string>> ReadIni(string path)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                current = sections[line.Trim('[', ']')] = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return sections;
    }

    private sealed class DatasourceFileDto
    {
        public List<DatasourceDto> Datasources { get; set; } = [];
    }

    private sealed class DatasourceDto
    {
        public string Uid { get; set; } = string.Empty;
    }
}
