using System.Buffers;
using System.Text;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Where the log pump writes its batches of JSON lines: the process's standard output, in writes of up to
/// <see cref="WriteBytes"/> bytes (<see cref="LogConsoleTarget.Stdout"/>), or whatever
/// <see cref="Console.Out"/> is at the time (<see cref="LogConsoleTarget.ConsoleOut"/>, for hosts that
/// replace it, such as tests that capture it).
/// </summary>
/// <remarks>
/// <see cref="Console.Out"/> writes through a 256-character buffer that it flushes when full: about two
/// <c>write</c> system calls per access-log record, the largest cost left in the access log
/// (bench/RESULTS.md). Only the pump writes here, so no lock is needed.
/// </remarks>
internal sealed class ConsoleOutput
{
    /// <summary>The largest single write to standard output.</summary>
    public const int WriteBytes = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream? _stdout;
    private readonly Encoder? _encoder;

    private ConsoleOutput(Stream? stdout)
    {
        _stdout = stdout;
        _encoder = stdout is null ? null : Utf8.GetEncoder();
    }

    /// <summary>The output for <paramref name="target"/>.</summary>
    public static ConsoleOutput For(LogConsoleTarget target) =>
        new(target == LogConsoleTarget.Stdout ? Console.OpenStandardOutput() : null);

    /// <summary>Writes <paramref name="text"/> and flushes it.</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        if (_stdout is null)
        {
            // Console.Out is read each time: a host may replace it while running.
            var console = Console.Out;
            console.Write(text);
            console.Flush();
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(WriteBytes);
        try
        {
            WriteEncoded(text, bytes);
            _stdout.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void WriteEncoded(ReadOnlySpan<char> chars, byte[] bytes)
    {
        var completed = false;
        while (!completed)
        {
            _encoder!.Convert(chars, bytes, flush: false, out var charsUsed, out var bytesUsed, out completed);
            _stdout!.Write(bytes, 0, bytesUsed);
            chars = chars[charsUsed..];
        }
    }
}
