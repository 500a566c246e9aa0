using System.Text.RegularExpressions;

namespace Winyx.Alerts.Tests.Infrastructure;

/// <summary>One panel cut out of a rendered dashboard page's HTML.</summary>
public sealed partial record RenderedPanel(string Type, string Title, string Html)
{
    /// <summary>Whether the panel shows an error in place of its data.</summary>
    public bool IsError => Html.Contains("panel-error", StringComparison.Ordinal);

    /// <summary>The <c>d</c> of every drawn series path.</summary>
    public IReadOnlyList<string> SeriesPaths => [.. SeriesPath().Matches(Html).Select(match => match.Groups["d"].Value)];

    /// <summary>The error text shown, if any.</summary>
    public string? Error => ErrorText().Match(Html) is { Success: true } match ? System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value) : null;

    /// <summary>Every panel of <paramref name="html"/>, in page order.</summary>
    public static IReadOnlyList<RenderedPanel> Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var starts = PanelStart().Matches(html).ToList();
        return
        [
            .. starts.Select((match, index) => new RenderedPanel(
                match.Groups["type"].Value,
                System.Net.WebUtility.HtmlDecode(match.Groups["title"].Value),
                html[match.Index..(index + 1 < starts.Count ? starts[index + 1].Index : html.Length)])),
        ];
    }

    [GeneratedRegex("<article class=\"panel[^\"]*\"[^>]*data-panel-type=\"(?<type>[^\"]*)\" data-panel-title=\"(?<title>[^\"]*)\"")]
    private static partial Regex PanelStart();

    [GeneratedRegex("<path class=\"series\" d=\"(?<d>[^\"]*)\"")]
    private static partial Regex SeriesPath();

    [GeneratedRegex("<p class=\"error\"[^>]*>(?<text>[^<]*)</p>")]
    private static partial Regex ErrorText();
}
