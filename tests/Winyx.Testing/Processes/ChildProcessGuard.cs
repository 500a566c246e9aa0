using Winyx.Hosting.Executables;
namespace Winyx.Testing.Processes;

/// <summary>
/// Wraps a command so the child can never outlive us: <c>setsid</c> gives it its own session and
/// process group (so a stop reaches everything it spawned, and a terminal's Ctrl+C reaches only
/// us, who then stop children in order), and <c>setpriv --pdeathsig KILL</c> asks the kernel to
/// SIGKILL it when its parent dies — even when the parent is SIGKILLed and runs no cleanup.
/// </summary>
/// <remarks>
/// The kernel sends the death signal when the <em>thread</em> that forked the child exits, not
/// the process; <see cref="ProcessLauncher"/> therefore forks from one thread that lives as long
/// as the process. <c>setsid</c> does not fork here (the child is never a group leader when it
/// runs it), so the death signal set by <c>setpriv</c> still points at our launcher thread.
/// Both tools are util-linux, present on every Debian.
/// </remarks>
public static class ChildProcessGuard
{
    private static readonly Lazy<(string SetSid, string SetPriv)?> Tools = new(FindTools);

    /// <summary>True when the guard can be applied (Linux with setsid and setpriv).</summary>
    public static bool IsSupported => Tools.Value is not null;

    /// <summary>
    /// The command line that runs <paramref name="executable"/> with <paramref name="arguments"/>
    /// under the guard, or the command unchanged where the guard is not supported.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(string executable, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentNullException.ThrowIfNull(arguments);
        if (Tools.Value is not { } tools)
        {
            return (executable, arguments);
        }

        string[] prefix = [tools.SetPriv, "--pdeathsig", "KILL", "--", executable];
        return (tools.SetSid, [.. prefix, .. arguments]);
    }

    private static (string SetSid, string SetPriv)? FindTools()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var setsid = ExecutableLocator.Find("setsid");
        var setpriv = ExecutableLocator.Find("setpriv");
        return setsid is null || setpriv is null ? null : (setsid, setpriv);
    }
}
