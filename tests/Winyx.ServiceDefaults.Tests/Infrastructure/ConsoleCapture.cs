using System.Text;

namespace Winyx.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// Captures everything written to <see cref="Console.Out"/> by this test process, which is where the
/// hosts' Serilog console sink writes its JSON lines. Installed once; tests tell their lines apart by
/// unique values (request ids, generated secrets), so parallel test classes do not interfere.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly CapturingWriter Writer = Install();

    /// <summary>Everything captured so far.</summary>
    public static string Text => Writer.Snapshot();

    /// <summary>Makes sure the capture is installed before a host starts writing.</summary>
    public static void EnsureInstalled() => _ = Writer;

    /// <summary>The captured lines that are JSON objects.</summary>
    public static IReadOnlyList<string> Lines =>
        Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .ToList();

    private static CapturingWriter Install()
    {
        var writer = new CapturingWriter();
        Console.SetOut(writer);
        return writer;
    }

    private sealed class CapturingWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_gate)
            {
                _text.Append(buffer, index, count);
            }
        }

        public string Snapshot()
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }
}
