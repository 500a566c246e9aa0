using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Winyx.Alerts.Options;
using Winyx.Alerts.Upstream;

namespace Winyx.Alerts.Dashboards;

/// <summary>
/// The Grafana dashboards of <c>Alerts:DashboardsDirectory</c> (<c>monitoring/grafana/dashboards/*.json</c>),
/// read on every call: the files are small, and an edited dashboard shows on the next refresh.
/// </summary>
public sealed partial class DashboardCatalog(IOptions<AlertsOptions> options)
{
    /// <summary>The folder read, or null when none is configured.</summary>
    public string? Directory => options.Value.DashboardsDirectory is { Length: > 0 } directory ? Path.GetFullPath(directory) : null;

    /// <summary>Every dashboard, by title; throws <see cref="UpstreamException"/> when the folder is missing or a file is unreadable.</summary>
    public IReadOnlyList<DashboardDefinition> Load()
    {
        var directory = Directory ?? throw new UpstreamException("No dashboards folder is configured (Alerts:DashboardsDirectory).");
        if (!System.IO.Directory.Exists(directory))
        {
            throw new UpstreamException($"The dashboards folder {directory} does not exist.");
        }

        return [.. System.IO.Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Parse).OrderBy(d => d.Title, StringComparer.Ordinal)];
    }

    /// <summary>The dashboard with <paramref name="uid"/>, or null.</summary>
    public DashboardDefinition? Find(string uid) => Load().FirstOrDefault(dashboard => dashboard.Uid == uid);

    /// <summary>Parses one dashboard file.</summary>
    public static DashboardDefinition Parse(string file)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new UpstreamException($"{Path.GetFileName(file)} is not valid JSON: {ex.Message}", ex);
        }

        var name = Path.GetFileNameWithoutExtension(file);
        var time = root.TryGetProperty("time", out var range) ? range : default;
        return new DashboardDefinition(JsonRead.String(root, "uid") ?? name, JsonRead.String(root, "title") ?? name, Path.GetFileName(file))
        {
            Description = JsonRead.String(root, "description"),
            TimeFrom = JsonRead.String(time, "from") ?? "now-1h",
            TimeTo = JsonRead.String(time, "to") ?? "now",
            Refresh = JsonRead.String(root, "refresh") is { Length: > 0 } refresh ? refresh : null,
            Variables = [.. JsonRead.Array(root.TryGetProperty("templating", out var templating) ? templating : default, "list").Select(Variable)],
            Panels = [.. Flatten(JsonRead.Array(root, "panels")).Select(Panel).OrderBy(p => p.Grid.Y).ThenBy(p => p.Grid.X)],
        };
    }

    private static IEnumerable<JsonElement> Flatten(IEnumerable<JsonElement> panels)
    {
        foreach (var panel in panels)
        {
            yield return panel;
            foreach (var nested in Flatten(JsonRead.Array(panel, "panels")))
            {
                yield return nested;
            }
        }
    }

    private static PanelDefinition Panel(JsonElement panel)
    {
        var defaults = panel.TryGetProperty("fieldConfig", out var fieldConfig) && fieldConfig.TryGetProperty("defaults", out var d) ? d : default;
        var grid = panel.TryGetProperty("gridPos", out var gridPos) ? gridPos : default;
        return new PanelDefinition(
            Int(panel, "id") ?? 0,
            JsonRead.String(panel, "title") ?? string.Empty,
            JsonRead.String(panel, "type") ?? "timeseries",
            new GridPosition(Int(grid, "x") ?? 0, Int(grid, "y") ?? 0, Math.Clamp(Int(grid, "w") ?? 12, 1, 24), Math.Max(1, Int(grid, "h") ?? 8)))
        {
            Description = JsonRead.String(panel, "description"),
            Unit = JsonRead.String(defaults, "unit"),
            Decimals = Int(defaults, "decimals"),
            Min = Number(defaults, "min"),
            Max = Number(defaults, "max"),
            Thresholds = [.. JsonRead.Array(defaults.ValueKind == JsonValueKind.Object && defaults.TryGetProperty("thresholds", out var t) ? t : default, "steps")
                .Select(step => new ThresholdStep(JsonRead.String(step, "color") ?? "green", Number(step, "value")))],
            Targets = [.. JsonRead.Array(panel, "targets").Where(target => JsonRead.String(target, "expr") is { Length: > 0 }).Select(Target)],
        };
    }

    private static PanelTarget Target(JsonElement target) => new(
        JsonRead.String(target, "refId") ?? "A",
        JsonRead.String(target, "expr")!,
        JsonRead.String(target, "legendFormat"),
        target.TryGetProperty("instant", out var instant) && instant.ValueKind == JsonValueKind.True);

    private static DashboardVariable Variable(JsonElement variable)
    {
        var name = JsonRead.String(variable, "name") ?? "var";
        var current = variable.TryGetProperty("current", out var c) ? c : default;
        var definition = JsonRead.String(variable, "definition")
            ?? (variable.TryGetProperty("query", out var query) ? JsonRead.String(query, "query") ?? (query.ValueKind == JsonValueKind.String ? query.GetString() : null) : null);
        var labelValues = definition is null ? null : LabelValues().Match(definition);
        var fixedOptions = JsonRead.String(variable, "type") == "custom" && definition is not null
            ? definition.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        return new DashboardVariable(name, JsonRead.String(variable, "label") ?? name, JsonRead.String(current, "value") ?? fixedOptions.FirstOrDefault() ?? string.Empty)
        {
            OptionsMetric = labelValues is { Success: true } ? labelValues.Groups["metric"].Value : null,
            OptionsLabel = labelValues is { Success: true } ? labelValues.Groups["label"].Value : null,
            FixedOptions = fixedOptions,
        };
    }

    private static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    [GeneratedRegex(@"^\s*label_values\(\s*(?<metric>[^,]+?)\s*,\s*(?<label>\w+)\s*\)\s*$")]
    private static partial Regex LabelValues();
}
