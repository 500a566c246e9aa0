namespace Winyx.Hosting.Executables;

/// <summary>
/// Which Debian package provides each binary Winyx runs, so a missing one is reported with the
/// exact line that installs it.
/// </summary>
public static class InstallHints
{
    private static readonly Dictionary<string, string> PackageByBinary = new(StringComparer.Ordinal)
    {
        ["mariadbd"] = "mariadb-server",
        ["mariadb-install-db"] = "mariadb-server",
        ["mariadb"] = "mariadb-client",
        ["redis-server"] = "redis-server",
        ["redis-cli"] = "redis-tools",
        ["prometheus"] = "prometheus",
        ["promtool"] = "prometheus",
        ["prometheus-alertmanager"] = "prometheus-alertmanager",
        ["amtool"] = "prometheus-alertmanager",
        ["prometheus-node-exporter"] = "prometheus-node-exporter",
        ["prometheus-mysqld-exporter"] = "prometheus-mysqld-exporter",
        ["prometheus-redis-exporter"] = "prometheus-redis-exporter",
        ["chromium"] = "chromium",
        ["setpriv"] = "util-linux",
        ["setsid"] = "util-linux",
    };

    /// <summary>The Debian package that ships <paramref name="binary"/>, or null when unknown.</summary>
    public static string? PackageFor(string binary) =>
        PackageByBinary.GetValueOrDefault(Path.GetFileName(binary));

    /// <summary>
    /// The install command for <paramref name="binary"/> (prefixed with <c>sudo</c> when not
    /// running as root), or null when no package is known for it.
    /// </summary>
    public static string? For(string binary) =>
        PackageFor(binary) is { } package ? ForPackage(package) : null;

    /// <summary>The install command for a Debian <paramref name="package"/>.</summary>
    public static string ForPackage(string package)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(package);
        var sudo = UnixUser.IsRoot ? string.Empty : "sudo ";
        return $"{sudo}apt-get install -y {package}";
    }
}
