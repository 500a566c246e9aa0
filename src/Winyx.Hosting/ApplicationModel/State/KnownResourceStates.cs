namespace Winyx.Hosting.ApplicationModel;

/// <summary>The states a resource goes through (Aspire's names, plus <see cref="Missing"/>).</summary>
public static class KnownResourceStates
{
    /// <summary>Not started yet (or stopped before it ever ran).</summary>
    public const string NotStarted = nameof(NotStarted);

    /// <summary>Waiting for its dependencies (<c>WaitFor</c>).</summary>
    public const string Waiting = nameof(Waiting);

    /// <summary>Being launched; not yet running.</summary>
    public const string Starting = nameof(Starting);

    /// <summary>Its process runs (its health is reported separately).</summary>
    public const string Running = nameof(Running);

    /// <summary>Being stopped.</summary>
    public const string Stopping = nameof(Stopping);

    /// <summary>Its process ended (stopped, crashed or completed; see the exit code).</summary>
    public const string Exited = nameof(Exited);

    /// <summary>It could not be launched (a build error, a dependency that failed, a bad config).</summary>
    public const string FailedToStart = nameof(FailedToStart);

    /// <summary>Its binary (or container engine) is absent; the snapshot carries the install hint.</summary>
    public const string Missing = nameof(Missing);

    /// <summary>Every state, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [NotStarted, Waiting, Starting, Running, Stopping, Exited, FailedToStart, Missing];
}
