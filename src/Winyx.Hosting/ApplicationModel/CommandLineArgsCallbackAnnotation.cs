namespace Winyx.Hosting.ApplicationModel;

/// <summary>Adds command-line arguments at launch (callbacks, so late-bound values resolve).</summary>
public sealed class CommandLineArgsCallbackAnnotation : IResourceAnnotation
{
    /// <summary>Wraps an asynchronous callback.</summary>
    public CommandLineArgsCallbackAnnotation(Func<CommandLineArgsCallbackContext, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = callback;
    }

    /// <summary>The callback.</summary>
    public Func<CommandLineArgsCallbackContext, Task> Callback { get; }
}
