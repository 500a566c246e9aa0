using System.IO.Compression;
using System.Text.RegularExpressions;
using Serilog.Debugging;
using Serilog.Sinks.File;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Compresses each rolled log file to <c>.gz</c> and keeps the archives within the retention limits.
/// </summary>
/// <remarks>
/// Serilog.Sinks.File does the rolling; with <c>retainedFileCountLimit: 1</c> it hands every file it
/// rolls away from to <see cref="OnFileDeleting"/> just before deleting it, which is the hook the
/// library offers for archiving. Compression runs on the logging thread, inside the sink's lock, so it
/// favours speed over ratio: a 100 MB file takes well under a second.
/// </remarks>
internal sealed class GzipArchiveHooks : FileLifecycleHooks
{
    private readonly FileLogOptions _options;
    private readonly Regex _archiveName;
    private readonly TimeProvider _time;

    /// <param name="fileName">Base name of the output's files (<c>api</c> for <c>api-20250101.log</c>).</param>
    /// <param name="options">The output's retention limits.</param>
    /// <param name="time">Clock for the age limit.</param>
    public GzipArchiveHooks(string fileName, FileLogOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        // Exactly this output's archives: "api-" must not claim "api-error-20250101.log.gz".
        _archiveName = new Regex(
            $@"^{Regex.Escape(fileName)}-\d{{8}}(_\d{{3,}})?\.log(\.\d+)?\.gz$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    public override void OnFileDeleting(string path)
    {
        try
        {
            Compress(path);
            Prune(Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Never let archiving break logging; the file itself is still deleted by the sink.
            SelfLog.WriteLine("Could not archive log file {0}: {1}", path, ex);
        }
    }

    private static void Compress(string path)
    {
        var archive = FreeArchivePath(path);
        var lastWrite = File.GetLastWriteTimeUtc(path);
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var target = new FileStream(archive, FileMode.CreateNew, FileAccess.Write))
        using (var gzip = new GZipStream(target, CompressionLevel.Fastest))
        {
            source.CopyTo(gzip);
        }

        // The archive ages with its content, not with the moment it was compressed.
        File.SetLastWriteTimeUtc(archive, lastWrite);
    }

    // After a restart Serilog may reuse a sequence number whose archive already exists.
    private static string FreeArchivePath(string path)
    {
        var candidate = path + ".gz";
        for (var n = 1; File.Exists(candidate); n++)
        {
            candidate = $"{path}.{n}.gz";
        }

        return candidate;
    }

    private void Prune(string directory)
    {
        var oldest = _time.GetUtcNow().UtcDateTime.AddDays(-_options.KeepDays);
        var archives = new DirectoryInfo(directory).EnumerateFiles("*.gz")
            .Where(file => _archiveName.IsMatch(file.Name))
            .OrderByDescending(file => file.LastWriteTimeUtc)
            .ThenByDescending(file => file.Name, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < archives.Count; i++)
        {
            if (i >= _options.MaxBackups || archives[i].LastWriteTimeUtc < oldest)
            {
                archives[i].Delete();
            }
        }
    }
}
