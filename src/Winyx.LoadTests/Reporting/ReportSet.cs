namespace Winyx.LoadTests.Reporting;

/// <summary>The four report formats, and writing several of them to a folder.</summary>
public static class ReportSet
{
    /// <summary>HTML, Markdown, CSV and JSON.</summary>
    public static readonly IReadOnlyList<IReportWriter> All =
        [new HtmlReportWriter(), new MarkdownReportWriter(), new CsvReportWriter(), new JsonReportWriter()];

    /// <summary>Writes <paramref name="report"/> once per writer as <c>folder/name.ext</c>; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(LoadReport report, string folder, string name, IEnumerable<IReportWriter>? writers = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var writer in writers ?? All)
        {
            var path = Path.Combine(folder, $"{name}.{writer.Extension}");
            using (var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(report, file);
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Renders <paramref name="report"/> with <paramref name="writer"/> to a string.</summary>
    public static string Render(this IReportWriter writer, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        writer.Write(report, text);
        return text.ToString();
    }
}
