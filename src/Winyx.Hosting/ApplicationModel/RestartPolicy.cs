namespace Winyx.Hosting.ApplicationModel;

/// <summary>When a resource that exits on its own is started again.</summary>
public enum RestartPolicy
{
    /// <summary>Never: an exit is final (jobs, one-off tasks).</summary>
    Never,

    /// <summary>After a crash (non-zero exit or a signal), with backoff.</summary>
    OnFailure,

    /// <summary>After any exit, with backoff.</summary>
    Always,
}
