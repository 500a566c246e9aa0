namespace Winyx.LoadTests.Reporting;

/// <summary>Renders a <see cref="LoadReport"/> in one format.</summary>
public interface IReportWriter
{
    /// <summary>The file extension, without the dot.</summary>
    string Extension { get; }

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    void Write(LoadReport report, TextWriter writer);
}
