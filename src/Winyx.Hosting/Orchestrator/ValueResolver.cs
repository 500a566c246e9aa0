using System.Globalization;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>Turns environment and argument values (strings, late-bound providers) into strings at launch.</summary>
public static class ValueResolver
{
    /// <summary>Resolves one value.</summary>
    public static async ValueTask<string?> ResolveAsync(object? value, CancellationToken cancellationToken) => value switch
    {
        null => null,
        string text => text,
        IValueProvider provider => await provider.GetValueAsync(cancellationToken).ConfigureAwait(false),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Resolves every value of an environment dictionary (dropping those that resolve to null).</summary>
    public static async Task<Dictionary<string, string>> ResolveAsync(IReadOnlyDictionary<string, object> values, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (await ResolveAsync(value, cancellationToken).ConfigureAwait(false) is { } text)
            {
                resolved[name] = text;
            }
        }

        return resolved;
    }

    /// <summary>Resolves every argument (dropping those that resolve to null).</summary>
    public static async Task<List<string>> ResolveAsync(IEnumerable<object> values, CancellationToken cancellationToken)
    {
        var resolved = new List<string>();
        foreach (var value in values)
        {
            if (await ResolveAsync(value, cancellationToken).ConfigureAwait(false) is { } text)
            {
                resolved.Add(text);
            }
        }

        return resolved;
    }
}
