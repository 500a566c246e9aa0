namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A value supplied from outside the model: configuration (<c>Parameters:&lt;name&gt;</c> or the
/// environment variable <c>Parameters__&lt;name&gt;</c>), else a default, else a generated secret
/// kept in the user-only secrets file under <c>.winyx/</c>. Secrets never appear in the console.
/// </summary>
public sealed class ParameterResource : Resource, IValueProvider
{
    private readonly Func<string?> _resolve;
    private readonly Lazy<string?> _value;

    /// <summary>Creates the parameter; <paramref name="resolve"/> runs once, on first use.</summary>
    public ParameterResource(string name, Func<string?> resolve, bool secret)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _resolve = resolve;
        _value = new Lazy<string?>(_resolve, LazyThreadSafetyMode.ExecutionAndPublication);
        Secret = secret;
    }

    /// <summary>True for passwords and keys: masked wherever shown.</summary>
    public bool Secret { get; }

    /// <summary>The value; throws naming the parameter when nothing supplies one.</summary>
    public string Value => _value.Value
        ?? throw new InvalidOperationException($"Parameter '{Name}' has no value: set Parameters__{Name} in the environment or Parameters:{Name} in appsettings.json.");

    /// <summary>True when a value is available.</summary>
    public bool HasValue => _value.Value is not null;

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Value);
}
