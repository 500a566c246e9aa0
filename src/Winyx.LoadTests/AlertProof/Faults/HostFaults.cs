using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>Pressure on the host itself: memory taken, disk filled.</summary>
public static class HostFaults
{
    private const int Chunk = 64 * 1024 * 1024;

    /// <summary>Allocates and touches memory until the host's utilisation passes <paramref name="threshold"/>; removal frees it.</summary>
    public static Fault TakeMemory(double threshold) => new(
        string.Create(CultureInfo.InvariantCulture, $"memory allocated and touched by the proof until utilisation passes {threshold:P1}"),
        (context, cancellationToken) =>
        {
            var (total, available) = HostMeasurements.Memory();
            var wanted = (long)((threshold + 0.01) * total) - (total - available);
            var chunks = new List<IntPtr>();
            var pattern = new byte[1024 * 1024];
            Array.Fill(pattern, (byte)0x5A);
            try
            {
                for (long taken = 0; taken < wanted; taken += Chunk)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var chunk = Marshal.AllocHGlobal(Chunk);
                    chunks.Add(chunk);
                    // Touch every page, or the kernel only promises the memory.
                    for (var offset = 0; offset < Chunk; offset += pattern.Length)
                    {
                        Marshal.Copy(pattern, 0, chunk + offset, pattern.Length);
                    }
                }
            }
            catch
            {
                chunks.ForEach(Marshal.FreeHGlobal);
                throw;
            }

            return Task.FromResult(Removal.Of(() =>
            {
                chunks.ForEach(Marshal.FreeHGlobal);
                return Task.CompletedTask;
            }));
        });

    /// <summary>
    /// Reserves disk blocks (fallocate) on the filesystem of the temporary directory until its
    /// utilisation passes <paramref name="threshold"/>. The file is unlinked at once, so the blocks
    /// go back when the proof closes it, or dies.
    /// </summary>
    public static Fault FillDisk(double threshold) => new(
        string.Create(CultureInfo.InvariantCulture, $"disk blocks reserved (fallocate) in {Path.GetTempPath()} until utilisation passes {threshold:P1}"),
        (context, cancellationToken) =>
        {
            var directory = Path.GetTempPath();
            var (size, available) = HostMeasurements.Disk(directory);
            var wanted = (long)((threshold + 0.005) * size) - (size - available);
            var path = Path.Combine(directory, $"winyx-alert-proof-{context.RunId}.fill");
            SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, preallocationSize: Math.Max(wanted, 1));
            File.Delete(path);
            return Task.FromResult(Removal.Of(() =>
            {
                handle.Dispose();
                return Task.CompletedTask;
            }));
        });
}
