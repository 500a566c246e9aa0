using System.Globalization;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// A threshold lowered (or raised) for one run: the AppHost's
/// <c>--alert-threshold ALERT[:SEVERITY]=VALUE</c>. <see cref="RuleTimeCompressor"/> replaces the
/// number an alerting rule named <see cref="Alert"/> compares against with <see cref="Value"/> and
/// says so in a <c>threshold_override</c> annotation. For alerts a shared machine cannot provoke at
/// their real threshold (memory above 85 %, disk above 80 %, a backup older than 25 h); production
/// rule files never change.
/// </summary>
/// <param name="Alert">The rule's <c>alert:</c> name (case-sensitive, as Prometheus compares it).</param>
/// <param name="Severity">The rule's <c>labels.severity</c>, or null for every rule named <paramref name="Alert"/>.</param>
/// <param name="Value">The new right-hand side of the rule's final comparison; finite.</param>
/// <example>
/// <code>
/// var memory = AlertThresholdOverride.Parse("HighMemoryUsage:warning=0.31");
/// var backup = AlertThresholdOverride.Parse("BackupTooOld=30");   // both severities
/// memory.ToString();                                               // "HighMemoryUsage:warning=0.31"
/// </code>
/// </example>
public sealed record AlertThresholdOverride(string Alert, string? Severity, double Value)
{
    /// <summary>The configuration key segment standing for "every severity".</summary>
    public const string AnySeverity = "*";

    /// <summary>The alert name; not empty, no whitespace, no <c>:</c> or <c>=</c>.</summary>
    public string Alert { get; init; } = ValidName(Alert, nameof(Alert));

    /// <summary>The severity, or null for every rule of the alert; <c>*</c> reads as null.</summary>
    public string? Severity { get; init; } = Severity is null or AnySeverity ? null : ValidName(Severity, nameof(Severity));

    /// <summary>The new threshold; finite.</summary>
    public double Value { get; init; } = double.IsFinite(Value)
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, "An alert threshold must be a finite number.");

    /// <summary><see cref="Value"/> as PromQL reads it (invariant culture, round-trippable).</summary>
    public string FormattedValue => Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The severity segment of the configuration key: the severity, or <c>*</c>.</summary>
    public string SeverityKey => Severity ?? AnySeverity;

    /// <summary>Whether this override applies to a rule named <paramref name="alert"/> with label <c>severity</c> <paramref name="severity"/>.</summary>
    public bool Matches(string alert, string? severity) =>
        string.Equals(Alert, alert, StringComparison.Ordinal) && (Severity is null || string.Equals(Severity, severity, StringComparison.Ordinal));

    /// <summary>Reads <c>ALERT[:SEVERITY]=VALUE</c>; VALUE a finite number in invariant culture (<c>0.31</c>, <c>1e3</c>).</summary>
    /// <exception cref="FormatException">The text is not in that form; the message says which part is wrong.</exception>
    public static AlertThresholdOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new FormatException("expected ALERT[:SEVERITY]=VALUE");
        }

        var target = text[..equals];
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var alert = colon < 0 ? target : target[..colon];
        var severity = colon < 0 ? null : target[(colon + 1)..];
        if (!IsValidName(alert))
        {
            throw new FormatException("the alert name must be non-empty, without spaces, ':' or '='");
        }

        if (severity is not null && severity != AnySeverity && !IsValidName(severity))
        {
            throw new FormatException("the severity after ':' must be non-empty, without spaces, ':' or '='");
        }

        var value = text[(equals + 1)..];
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? new AlertThresholdOverride(alert, severity, number)
            : throw new FormatException($"the value must be a finite number such as 0.31 or 30, got '{value}'");
    }

    /// <summary><c>ALERT[:SEVERITY]=VALUE</c>, the flag's own syntax.</summary>
    public override string ToString() => Severity is null ? $"{Alert}={FormattedValue}" : $"{Alert}:{Severity}={FormattedValue}";

    private static bool IsValidName(string? name) =>
        name is { Length: > 0 } && !name.Any(c => char.IsWhiteSpace(c) || c is ':' or '=');

    private static string ValidName(string? name, string parameter) =>
        IsValidName(name) ? name! : throw new ArgumentException($"'{name}' is not a valid {parameter.ToLowerInvariant()} (non-empty, without spaces, ':' or '=').", parameter);
}
