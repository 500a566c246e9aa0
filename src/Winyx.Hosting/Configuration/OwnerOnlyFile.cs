namespace Winyx.Hosting.Configuration;

/// <summary>
/// Writes files that hold secrets (generated passwords, rendered configs with credentials) so that
/// no one but the owner can read them at any moment: a fresh 0600 temporary file, then a rename.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/>, mode 0600.</summary>
    public static void WriteAllText(string path, string contents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(contents);
        // Created fresh (CreateNew), so the mode holds from the first byte; an existing file would
        // keep its old mode while the secret is written into it.
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(contents);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
