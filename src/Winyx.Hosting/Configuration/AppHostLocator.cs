using System.Reflection;

namespace Winyx.Hosting.Configuration;

/// <summary>
/// Finds the AppHost's project directory (relative project paths resolve against it) and the
/// repository root (where <c>.winyx/</c> lives), the way Aspire finds its AppHost: from assembly
/// metadata written at build time, else by walking up from the binary.
/// </summary>
public static class AppHostLocator
{
    /// <summary>The assembly metadata key the AppHost's project file sets to <c>$(MSBuildProjectDirectory)</c>.</summary>
    public const string DirectoryMetadataKey = "Winyx.AppHostDirectory";

    /// <summary>The AppHost's project directory.</summary>
    public static string FindDirectory(Assembly? assembly)
    {
        var fromMetadata = assembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == DirectoryMetadataKey)?.Value;
        if (fromMetadata is { Length: > 0 } && Directory.Exists(fromMetadata))
        {
            return fromMetadata;
        }

        var start = assembly is { Location.Length: > 0 } ? Path.GetDirectoryName(assembly.Location)! : Directory.GetCurrentDirectory();
        return Ancestors(start).FirstOrDefault(d => Directory.EnumerateFiles(d, "*.csproj").Any()) ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The build configuration of <paramref name="assembly"/> (Debug or Release), or null.</summary>
    public static string? BuildConfiguration(Assembly? assembly) =>
        assembly?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration ? configuration : null;

    /// <summary>The repository root above <paramref name="directory"/> (a <c>.git</c> or a solution file), or null.</summary>
    public static string? FindRepositoryRoot(string directory) =>
        Ancestors(directory).FirstOrDefault(d =>
            Path.Exists(Path.Combine(d, ".git"))
            || Directory.EnumerateFiles(d, "*.sln").Any()
            || Directory.EnumerateFiles(d, "*.slnx").Any());

    /// <summary>
    /// Where data, logs and secrets go: <c>--data-dir</c>; else a fresh temporary directory when
    /// isolated (created on first use); else <c>.winyx/</c> at the repository root (the AppHost
    /// directory without one).
    /// </summary>
    public static string ResolveDataRoot(HostingOptions options, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DataDirectory is { } explicitDirectory)
        {
            return Path.GetFullPath(explicitDirectory);
        }

        if (options.Isolated)
        {
            // Named now, created on first write: a model that is only built (never run) leaves nothing behind.
            return Path.Combine(Path.GetTempPath(), $"winyx-{Guid.NewGuid():N}"[..18]);
        }

        return Path.Combine(FindRepositoryRoot(appHostDirectory) ?? appHostDirectory, ".winyx");
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            yield return current.FullName;
        }
    }
}
