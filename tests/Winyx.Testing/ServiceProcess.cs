using System.Globalization;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Testing;

/// <summary>
/// A built Winyx service (or any HTTP server) running as a real child process on a free port:
/// started through <see cref="ManagedProcess"/> (so it dies with the test run), ready once its
/// health path answers, with its output captured for assertions and failure messages.
/// </summary>
/// <example>
/// <code>
/// await using var userRpc = await ServiceProcess.StartProjectAsync("Winyx.UserRpc", new Dictionary&lt;string, string?&gt;
/// {
///     ["ConnectionStrings__userdb"] = db.ConnectionString,
/// });
/// using var http = userRpc.CreateHttpClient();
/// </code>
/// </example>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int DiagnosticLines = 40;
    private static readonly Version[] ProbeVersions = [System.Net.HttpVersion.Version11, System.Net.HttpVersion.Version20];

    private readonly ServiceProcessOptions _options;
    private readonly ManagedProcess _process;

    private ServiceProcess(ManagedProcess process, ServiceProcessOptions options)
    {
        _process = process;
        _options = options;
        BaseAddress = new Uri($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The service's address, <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port the service listens on.</summary>
    public int Port => _options.Port;

    /// <summary>
    /// The HTTP version the service answered its health probe with: 1.1, or 2.0 for an
    /// HTTP/2-only (h2c) endpoint such as a gRPC service's.
    /// </summary>
    public Version HttpVersion { get; private set; } = System.Net.HttpVersion.Version11;

    /// <summary>The child process (its id, exit code, output buffer).</summary>
    public ManagedProcess Process => _process;

    /// <summary>The captured output lines so far (stdout and stderr, oldest first).</summary>
    public IReadOnlyList<string> LogLines => [.. _process.Output.Snapshot().Select(line => line.Text)];

    /// <summary>
    /// Runs <c>src/<paramref name="projectName"/></c> as built for this test run's configuration
    /// (<c>dotnet …/bin/&lt;Configuration&gt;/net10.0/&lt;Project&gt;.dll</c>) with
    /// <c>ASPNETCORE_URLS=http://127.0.0.1:PORT</c> on a free port, and waits for <c>/alive</c>.
    /// </summary>
    public static Task<ServiceProcess> StartProjectAsync(
        string projectName,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? startTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var assembly = RepoLayout.ProjectAssembly(projectName);
        var port = PortAllocator.GetFreePort();
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        };
        var options = new ServiceProcessOptions(DotnetHost(), port)
        {
            Arguments = [assembly],
            Environment = variables,
            // A .NET app's content root (appsettings.json) is its working directory.
            WorkingDirectory = Path.GetDirectoryName(assembly),
            Name = projectName,
        };
        return StartAsync(startTimeout is { } timeout ? options with { StartTimeout = timeout } : options, cancellationToken);
    }

    /// <summary>Runs any HTTP server described by <paramref name="options"/> and waits for its health path.</summary>
    public static async Task<ServiceProcess> StartAsync(ServiceProcessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var process = await ManagedProcess.StartAsync(
            new ManagedProcessOptions(options.FileName)
            {
                Arguments = options.Arguments,
                Environment = options.Environment,
                WorkingDirectory = options.WorkingDirectory,
                DisplayName = options.Name,
                LogFilePath = options.LogFilePath,
                StopTimeout = options.StopTimeout,
            },
            cancellationToken).ConfigureAwait(false);
        var service = new ServiceProcess(process, options);
        try
        {
            await service.WaitUntilAliveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    /// <summary>An HttpClient for the service, speaking the HTTP version it answered with.</summary>
    public HttpClient CreateHttpClient() => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestVersion = HttpVersion,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>Stops the service gracefully (SIGTERM, SIGKILL after the stop timeout); returns its exit code.</summary>
    public Task<int> StopAsync() => _process.StopAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilAliveAsync(CancellationToken cancellationToken)
    {
        var name = _options.Name ?? Path.GetFileName(_options.FileName);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var attempt = 0;
        try
        {
            await PollingWait.UntilAsync(
                async ct => _process.HasExited || await ProbeAsync(client, ProbeVersions[attempt++ % ProbeVersions.Length], ct).ConfigureAwait(false),
                _options.StartTimeout,
                $"{name} did not answer GET {_options.HealthPath} on {BaseAddress}",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new LocalServerStartException(name, ex.Message, _process.Output.TailText(DiagnosticLines), ex);
        }

        if (_process.HasExited)
        {
            var exitCode = await _process.Completion.ConfigureAwait(false);
            throw new LocalServerStartException(name, $"the process exited with code {exitCode} before {_options.HealthPath} answered.", _process.Output.TailText(DiagnosticLines));
        }
    }

    // gRPC services listen HTTP/2-only without TLS (h2c), where an HTTP/1.1 request fails and
    // vice versa; alternating the probe's version finds whichever the service speaks.
    private async Task<bool> ProbeAsync(HttpClient client, Version version, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, _options.HealthPath))
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        HttpVersion = version;
        return true;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
