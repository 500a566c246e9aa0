using System.Globalization;

namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>Checks that show, on the live fleet, what the seed's rules got wrong and Winyx's get right.</summary>
public static class SeedDefects
{
    /// <summary>
    /// With MariaDB stopped, the seed's <c>up{job="mysql"} == 0</c> stays empty (the exporter still
    /// answers its scrape) while <c>mysql_up</c> is 0, which Winyx's MySQLDown watches.
    /// </summary>
    public static async Task<IReadOnlyList<CaseCheck>> MySqlDownSeedRuleStaysSilentAsync(ProofContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seedRule = await context.Apis.QueryAsync("up{job=\"mysql\"} == 0", cancellationToken).ConfigureAwait(false);
        var exporterUp = await context.Apis.QueryAsync("up{job=\"mysql\"}", cancellationToken).ConfigureAwait(false);
        var mysqlUp = await context.Apis.QueryAsync("mysql_up", cancellationToken).ConfigureAwait(false);
        return
        [
            new("the seed's MySQLDown expression up{job=\"mysql\"} == 0 returns nothing", seedRule.Count == 0,
                $"{seedRule.Count} series; up{{job=\"mysql\"}} = {Values(exporterUp)} (the exporter answers)"),
            new("Winyx's expression mysql_up == 0 holds", mysqlUp.Count > 0 && mysqlUp.All(s => s.Value == 0), $"mysql_up = {Values(mysqlUp)}"),
        ];
    }

    /// <summary>
    /// Http5xxBurst counts the whole fleet: the burst is the sum over services (seed 002's load
    /// balancer, seed 000's log monitor), reported with each service's share.
    /// </summary>
    public static async Task<IReadOnlyList<CaseCheck>> BurstCountsTheWholeFleetAsync(ProofContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var perService = await context.Apis.QueryAsync("service:server_errors:increase1m > 0", cancellationToken).ConfigureAwait(false);
        var services = perService.Select(s => s.Labels.GetValueOrDefault("service", "?")).Distinct(StringComparer.Ordinal).Count();
        var detail = string.Join(", ", perService.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Labels.GetValueOrDefault("service", "?")} {s.Value:0.#}")));
        return [new("the burst is the sum of more than one service's 5xx", services >= 2, $"server errors per compressed minute: {detail}")];
    }

    private static string Values(IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> series) =>
        series.Count == 0 ? "(no series)" : string.Join(", ", series.Select(s => s.Value.ToString(CultureInfo.InvariantCulture)));
}
