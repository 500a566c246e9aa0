using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Winyx.Backup.Configuration;
using Winyx.Backup.Dumping;
using Winyx.Backup.Health;
using Winyx.Backup.Jobs;

namespace Winyx.Backup.Extensions;

/// <summary>The backup job's registrations, so <c>Program.cs</c> reads as the outline.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds the backup job: its validated settings (<c>ConnectionStrings:userdb</c>, section
    /// <c>Backup</c>), the runner, the schedule, the verification of the newest backup and the
    /// <c>backup</c> health check.
    /// </summary>
    public static IHostApplicationBuilder AddBackupJob(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();

        services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.SectionName)
            .PostConfigure<IHostEnvironment>(ResolveDirectories)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddOptions<UserDbOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(UserDbOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<UserDbOptions>, UserDbOptionsValidator>();

        services.AddSingleton(_ => new MariaDbDump());
        services.AddSingleton<BackupStatus>();
        services.AddSingleton(provider => new BackupRunner(
            provider.GetRequiredService<IOptions<BackupOptions>>().Value,
            DumpTarget.Parse(provider.GetRequiredService<IOptions<UserDbOptions>>().Value.ConnectionString),
            provider.GetRequiredService<MariaDbDump>(),
            provider.GetRequiredService<BackupStatus>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BackupRunner>>()));
        services.AddHostedService<BackupScheduler>();
        services.AddHostedService<BackupVerifier>();

        // Tagged "ready", not "live": a failing backup makes the job unready, it does not make the process dead.
        services.AddHealthChecks().AddCheck<BackupHealthCheck>(BackupHealthCheck.Name, tags: ["ready"]);
        return builder;
    }

    // Relative paths are taken from the content root, not from wherever the process happened to start.
    private static void ResolveDirectories(BackupOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Directory))
        {
            options.Directory = Path.GetFullPath(options.Directory, environment.ContentRootPath);
        }

        if (!string.IsNullOrWhiteSpace(options.TextfileDirectory))
        {
            options.TextfileDirectory = Path.GetFullPath(options.TextfileDirectory, environment.ContentRootPath);
        }
    }
}
