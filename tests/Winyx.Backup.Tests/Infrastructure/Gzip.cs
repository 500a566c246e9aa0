using System.IO.Compression;

namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>Reads a backup back.</summary>
public static class Gzip
{
    /// <summary>The decompressed text of <paramref name="path"/>.</summary>
    public static async Task<string> ReadTextAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }
}
