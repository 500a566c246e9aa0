using System.Collections.Concurrent;

namespace Winyx.Hosting.Configuration;

/// <summary>
/// Isolated runs' temporary data roots, removed when the application is disposed or, failing that
/// (a model built but never run, say), when the process exits.
/// </summary>
public static class TemporaryDirectories
{
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);
    private static int _hooked;

    /// <summary>Deletes <paramref name="directory"/> when the process exits, unless deleted before.</summary>
    public static void DeleteAtExit(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Pending[directory] = 0;
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
        }
    }

    /// <summary>Deletes <paramref name="directory"/> now, quietly (a straggling writer is ignored).</summary>
    public static void Delete(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Pending.TryRemove(directory, out _);
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void DeleteAll()
    {
        foreach (var directory in Pending.Keys)
        {
            Delete(directory);
        }
    }
}
