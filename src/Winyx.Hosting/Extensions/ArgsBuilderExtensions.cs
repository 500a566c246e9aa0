using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>WithArgs</c>: command-line arguments of a resource, resolved at launch.</summary>
public static class ArgsBuilderExtensions
{
    /// <summary>Appends arguments: strings or late-bound values (endpoints, parameters).</summary>
    /// <example><code>builder.AddExecutable("echo", "echo", ".").WithArgs("hello", api.GetEndpoint("http"));</code></example>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params object[] args)
        where T : IResourceWithArgs
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        var copy = args.ToArray();
        return builder.WithArgs(context =>
        {
            context.Args.AddRange(copy);
            return Task.CompletedTask;
        });
    }

    /// <summary>Appends arguments computed at every launch (ports, data directories).</summary>
    /// <example><code>redis.WithArgs(ctx => { ctx.Args.Add("--dir"); ctx.Args.Add(ctx.DataDirectory); return Task.CompletedTask; });</code></example>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, Func<CommandLineArgsCallbackContext, Task> callback)
        where T : IResourceWithArgs
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new CommandLineArgsCallbackAnnotation(callback));
    }
}
