namespace Winyx.Testing.Processes;

/// <summary>
/// Appends captured lines to a file, shared by the stdout and stderr pumps. Lines arriving after
/// the child has exited and the log was closed are dropped rather than reopening the file.
/// </summary>
internal sealed class ProcessLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private bool _closed;

    public ProcessLog(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Readers (tail -f, the dashboard) may have the file open; let them.
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public void Write(string line)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
