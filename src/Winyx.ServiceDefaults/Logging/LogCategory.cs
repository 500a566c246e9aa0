using Serilog.Core;
using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// The bounded <c>category</c> label of <c>log_records_total</c>: the logger's category (Serilog's
/// <c>SourceContext</c>) cut to its first three segments, so one label value stands for a namespace,
/// not for every class in it.
/// </summary>
public static class LogCategory
{
    /// <summary>Label value for events without a category.</summary>
    public const string None = "none";

    private const int Segments = 3;

    /// <summary>The category label of an event.</summary>
    public static string Of(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var value)
        && value is ScalarValue { Value: string context }
            ? Trim(context)
            : None;

    /// <summary>Cuts a dotted category to its first three segments.</summary>
    public static string Trim(string category)
    {
        var end = -1;
        for (var i = 0; i < Segments; i++)
        {
            end = category.IndexOf('.', end + 1);
            if (end < 0)
            {
                return category;
            }
        }

        return category[..end];
    }
}
