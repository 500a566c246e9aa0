using System.Runtime.InteropServices;

namespace Winyx.Hosting.Executables;

/// <summary>Who this process runs as: MariaDB must be told <c>--user=root</c> when started by root.</summary>
public static class UnixUser
{
    /// <summary>True when the effective user is root (Linux only).</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && NativeMethods.geteuid() == 0;

    private static class NativeMethods
    {
        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code; one argument-less call does not justify it.
        internal static extern uint geteuid();
#pragma warning restore SYSLIB1054
    }
}
