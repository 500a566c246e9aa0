namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Adds environment variables at launch. A callback rather than a value, so ports chosen late
/// and secrets generated at start still wire through.
/// </summary>
public sealed class EnvironmentCallbackAnnotation : IResourceAnnotation
{
    /// <summary>Wraps an asynchronous callback.</summary>
    public EnvironmentCallbackAnnotation(Func<EnvironmentCallbackContext, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = callback;
    }

    /// <summary>Sets one variable to a string or an <see cref="IValueProvider"/>.</summary>
    public EnvironmentCallbackAnnotation(string name, object value)
        : this(context => { context.EnvironmentVariables[name] = value; return Task.CompletedTask; })
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
    }

    /// <summary>The callback.</summary>
    public Func<EnvironmentCallbackContext, Task> Callback { get; }
}
