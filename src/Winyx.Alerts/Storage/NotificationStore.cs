using System.Text;
using System.Text.Json;

namespace Winyx.Alerts.Storage;

/// <summary>
/// The one store of notifications: bounded (the oldest are dropped past <c>maxNotifications</c>),
/// answering queries oldest first, and kept across restarts in an append-only JSON-lines file
/// (<c>notifications.jsonl</c> in the data directory).
/// </summary>
/// <remarks>
/// Why JSON lines rather than SQLite: the history is small and bounded (10,000 notifications by
/// default), every view reads a recent slice of it, so it is held in memory anyway and the file only
/// has to survive a restart. An append per notification is one write; the file stays readable with
/// <c>tail</c> and <c>jq</c>; and it needs no package beyond the framework (Microsoft.Data.Sqlite is
/// not among the solution's pinned packages). The file is compacted — rewritten with the kept
/// notifications and atomically renamed — once it holds twice the bound, so it never grows past
/// that. A torn last line (a crash mid-write) is skipped on load.
/// </remarks>
public sealed class NotificationStore : IDisposable
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "notifications.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly Queue<Notification> _notifications = new();
    private readonly string _path;
    private readonly int _maxNotifications;
    private StreamWriter _writer;
    private int _linesInFile;
    private bool _disposed;

    private NotificationStore(string path, int maxNotifications)
    {
        _path = path;
        _maxNotifications = maxNotifications;
        (_linesInFile, SkippedLines) = Load();
        _writer = OpenAppender();
        if (_linesInFile > _notifications.Count)
        {
            Compact();
        }
    }

    /// <summary>How many notifications are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _notifications.Count;
            }
        }
    }

    /// <summary>The file holding the history.</summary>
    public string FilePath => _path;

    /// <summary>Lines of the file that could not be read when it was opened (a torn write, say).</summary>
    public int SkippedLines { get; }

    /// <summary>Raised after a notification was stored (outside the store's lock).</summary>
    public event Action<Notification>? Added;

    /// <summary>
    /// Opens (or creates) the store in <paramref name="directory"/>, loading the history there, and
    /// keeping at most <paramref name="maxNotifications"/>.
    /// </summary>
    public static NotificationStore Open(string directory, int maxNotifications)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNotifications, 1);
        Directory.CreateDirectory(directory);
        return new NotificationStore(Path.Combine(Path.GetFullPath(directory), FileName), maxNotifications);
    }

    /// <summary>Stores <paramref name="notification"/>: written to the file, then visible to queries.</summary>
    public void Add(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var line = JsonSerializer.Serialize(notification, Json);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.WriteLine(line);
            _writer.Flush();
            _linesInFile++;
            Keep(notification);
            if (_linesInFile >= 2 * _maxNotifications)
            {
                Compact();
            }
        }

        Added?.Invoke(notification);
    }

    /// <summary>The notifications matching <paramref name="query"/>, oldest first.</summary>
    public IReadOnlyList<Notification> Query(NotificationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return [.. _notifications.Where(query.Matches)];
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _writer.Dispose();
            }
        }
    }

    private void Keep(Notification notification)
    {
        _notifications.Enqueue(notification);
        while (_notifications.Count > _maxNotifications)
        {
            _notifications.Dequeue();
        }
    }

    private (int Lines, int Skipped) Load()
    {
        if (!File.Exists(_path))
        {
            return (0, 0);
        }

        var lines = 0;
        var skipped = 0;
        foreach (var line in File.ReadLines(_path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            lines++;
            try
            {
                if (JsonSerializer.Deserialize<Notification>(line, Json) is { Receiver: not null, Alerts: not null } notification)
                {
                    Keep(notification);
                    continue;
                }
            }
            catch (JsonException)
            {
                // Counted below: one unreadable line must not cost the rest of the history.
            }

            skipped++;
        }

        return (lines, skipped);
    }

    // Rewrites the file with only the kept notifications: written beside it, flushed to disk, then
    // renamed over it, so a crash leaves either the old file or the new one, never half of one.
    private void Compact()
    {
        var temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            foreach (var notification in _notifications)
            {
                writer.WriteLine(JsonSerializer.Serialize(notification, Json));
            }

            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        _writer.Dispose();
        File.Move(temporary, _path, overwrite: true);
        _linesInFile = _notifications.Count;
        _writer = OpenAppender();
    }

    private StreamWriter OpenAppender() =>
        new(new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
}
