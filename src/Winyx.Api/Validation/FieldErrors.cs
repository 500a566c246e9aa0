namespace Winyx.Api.Validation;

/// <summary>Collects field problems for a 400 validation problem response (keys are the JSON field names).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether any field failed.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>The problems by field.</summary>
    public IDictionary<string, string[]> ByField => _errors;

    /// <summary>Records <paramref name="problem"/> for <paramref name="field"/> when it is not null.</summary>
    public FieldErrors Check(string field, string? problem)
    {
        if (problem is not null)
        {
            _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, problem] : [problem];
        }

        return this;
    }
}
