using System.Net;
using System.Text.Json;
using Winyx.Testing;

namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>
/// The built Winyx.Backup running as a real process on a free port, with its own backup and
/// textfile directories, as the AppHost runs it.
/// </summary>
public sealed class BackupService : IAsyncDisposable
{
    private readonly string _directory;

    private BackupService(ServiceProcess process, string directory)
    {
        Process = process;
        _directory = directory;
        Http = process.CreateHttpClient();
    }

    /// <summary>The running service.</summary>
    public ServiceProcess Process { get; }

    /// <summary>A client for its port.</summary>
    public HttpClient Http { get; }

    /// <summary><c>Backup:Directory</c>.</summary>
    public string Backups => Path.Combine(_directory, "backups");

    /// <summary><c>Backup:TextfileDirectory</c>.</summary>
    public string Textfiles => Path.Combine(_directory, "textfile");

    /// <summary>The whole output so far.</summary>
    public string Output => string.Join('\n', Process.LogLines);

    /// <summary>Starts the service backing up <paramref name="connectionString"/>'s database; <paramref name="settings"/> add or override variables.</summary>
    public static async Task<BackupService> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = TestDirectories.Create("backup-service");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["ConnectionStrings__userdb"] = connectionString,
            ["Backup__Directory"] = Path.Combine(directory, "backups"),
            ["Backup__TextfileDirectory"] = Path.Combine(directory, "textfile"),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        try
        {
            return new BackupService(await ServiceProcess.StartProjectAsync("Winyx.Backup", environment), directory);
        }
        catch
        {
            TestDirectories.Delete(directory);
            throw;
        }
    }

    /// <summary>Polls <c>/health</c> until the <c>backup</c> check reports <paramref name="status"/>; returns the HTTP status and the check's description.</summary>
    public async Task<(HttpStatusCode HttpStatus, string? Description)> WaitForBackupHealthAsync(string status)
    {
        (HttpStatusCode, string?)? seen = null;
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await Http.GetAsync(new Uri("/health", UriKind.Relative));
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var check = json.RootElement.GetProperty("checks").GetProperty("backup");
                seen = (response.StatusCode, check.TryGetProperty("description", out var description) ? description.GetString() : null);
                return check.GetProperty("status").GetString() == status;
            },
            TimeSpan.FromSeconds(30),
            $"the backup health check reported {status}");
        return seen!.Value;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
        TestDirectories.Delete(_directory);
    }
}
