using Microsoft.AspNetCore.Http.HttpResults;
using Winyx.Backup.Jobs;

namespace Winyx.Backup.Apis;

/// <summary><c>/api/backups</c>: back up now (the dashboard's "Back up now" command) and list the backups.</summary>
public static class BackupsApi
{
    /// <summary>The route prefix.</summary>
    public const string Path = "/api/backups";

    /// <summary>Maps <c>POST /api/backups</c> and <c>GET /api/backups</c>.</summary>
    public static IEndpointRouteBuilder MapBackupApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var backups = app.MapGroup(Path);
        backups.MapPost(string.Empty, CreateAsync);
        backups.MapGet(string.Empty, List);
        return app;
    }

    /// <summary>Runs a backup now (after any running one): 201 with the backup, or 503 problem details with the error.</summary>
    private static async Task<Results<Created<BackupCreated>, ProblemHttpResult>> CreateAsync(BackupRunner runner, IHostApplicationLifetime lifetime)
    {
        try
        {
            // The host's stop token, not the request's: a caller giving up must not kill a half-written backup.
            var result = await runner.RunAsync(BackupTrigger.Manual, lifetime.ApplicationStopping).ConfigureAwait(false);
            return TypedResults.Created((string?)null, new BackupCreated(result.Path, result.SizeBytes, result.FinishedAt));
        }
        catch (BackupFailedException ex)
        {
            return TypedResults.Problem(title: "Backup failed", detail: ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The finished backups, newest first.</summary>
    private static Ok<BackupListItem[]> List(BackupRunner runner) =>
        TypedResults.Ok(runner.Catalog.List().Select(file => new BackupListItem(file.Name, file.SizeBytes, file.CreatedAt)).ToArray());
}
