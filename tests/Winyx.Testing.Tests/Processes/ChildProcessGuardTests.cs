using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing.Tests.Processes;

public sealed class ChildProcessGuardTests
{
    [Fact]
    public void TheGuardIsAvailableOnThisLinux() => Assert.True(ChildProcessGuard.IsSupported);

    [Fact]
    public async Task AGuardedChildDiesWhenItsParentIsKilledWithSigkill()
    {
        // An intermediate sh plays the parent: it starts one child through the very wrapper
        // ManagedProcess uses and one bare child as a control, then we SIGKILL it, so it runs no
        // cleanup. Both children sit in sessions of their own, out of reach of any group kill:
        // only the kernel's parent-death signal can end the guarded one.
        var (fileName, arguments) = ChildProcessGuard.Wrap("sleep", ["300"]);
        var guarded = string.Join(' ', new[] { fileName }.Concat(arguments).Select(Shell.Quote));
        await using var parent = await ManagedProcess.StartAsync(Shell.Script($"{guarded} & echo $!; setsid sleep 300 & echo $!; wait"));
        var guardedChild = await Shell.ReadPidAsync(parent, 0);
        var bareChild = await Shell.ReadPidAsync(parent, 1);
        try
        {
            // Once the wrapper has exec'd sleep, setpriv has set the death signal (it does so before exec).
            await Poll.UntilAsync(() => Shell.CommandName(guardedChild) == "sleep", Shell.Deadline, "the guarded child exec'd sleep");
            // Likewise setsid has left the parent's process group once it has exec'd sleep: killed before that,
            // the control child could still be reached through the group and die with it (it once did in CI).
            await Poll.UntilAsync(() => Shell.CommandName(bareChild) == "sleep", Shell.Deadline, "the control child exec'd sleep");
            Assert.True(Shell.IsAlive(guardedChild));

            Assert.True(KillWithSigkill(parent.Id));

            await Poll.UntilAsync(() => !Shell.IsAlive(guardedChild), Shell.Deadline, $"guarded child {guardedChild} died with its parent");
            Assert.True(Shell.IsAlive(bareChild), "the unguarded control child outlives its parent, so the guard is what killed the other");
        }
        finally
        {
            KillWithSigkill(bareChild);
        }
    }

    private static bool KillWithSigkill(int pid)
    {
        try
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
