using System.Runtime.InteropServices;

namespace Winyx.Testing.Processes;

/// <summary>
/// The few libc calls .NET does not expose: sending an arbitrary signal (the framework can only
/// SIGKILL) and reading the effective user id.
/// </summary>
internal static class NativeMethods
{
    /// <summary>Polite termination request; servers flush and exit on it.</summary>
    public const int SigTerm = 15;

    /// <summary>Uncatchable kill.</summary>
    public const int SigKill = 9;

    /// <summary>"No such process": the target is already gone, which is what we wanted.</summary>
    private const int Esrch = 3;

    /// <summary>
    /// Sends <paramref name="signal"/> to a process, or to a whole process group when
    /// <paramref name="pid"/> is negative. Returns false only when the target no longer exists.
    /// </summary>
    public static bool TrySignal(int pid, int signal)
    {
        if (kill(pid, signal) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == Esrch)
        {
            return false;
        }

        throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {errno}.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
