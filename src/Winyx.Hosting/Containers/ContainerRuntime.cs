using System.Diagnostics;

namespace Winyx.Hosting.Containers;

/// <summary>
/// Whether a container engine answers (Docker, else Podman). The docker CLI alone is not enough:
/// on many machines it exists without an engine behind it, and Aspire then fails every container.
/// </summary>
public static class ContainerRuntime
{
    private static readonly Lazy<string?> Engine = new(Detect);

    /// <summary>True when <c>docker info</c> (or <c>podman info</c>) succeeds within a few seconds.</summary>
    public static bool IsAvailable() => Engine.Value is not null;

    /// <summary>The engine that answered, or null.</summary>
    public static string? Name => Engine.Value;

    private static string? Detect() =>
        new[] { "docker", "podman" }.FirstOrDefault(Answers);

    private static bool Answers(string cli)
    {
        if (Executables.ExecutableLocator.Find(cli) is not { } path)
        {
            return false;
        }

        try
        {
            var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("info");
            start.ArgumentList.Add("--format");
            start.ArgumentList.Add("{{.ServerVersion}}");
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
