using System.Text.RegularExpressions;

namespace Winyx.ServiceDefaults.Redaction;

/// <summary>
/// The patterns <see cref="SecretRedactor"/> scans free text with, compiled once per match timeout.
/// The timeout is wall-clock time, so a thread starved of CPU can outlast it on text of any shape;
/// the redactor then fails closed.
/// </summary>
internal sealed class SecretPatterns
{
    /// <summary>Generous: the first match also pays for compiling the pattern, on a busy machine.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The patterns with <see cref="DefaultMatchTimeout"/>, shared by every redactor that uses it.</summary>
    public static readonly SecretPatterns Default = new(DefaultMatchTimeout);

    /// <summary>Compiles the patterns with <paramref name="matchTimeout"/> (<see cref="Regex.InfiniteMatchTimeout"/> for none).</summary>
    public SecretPatterns(TimeSpan matchTimeout)
    {
        // Any "key: value" / "key=value" pair, the key optionally quoted; whether the key names a secret is
        // decided in code (SecretFieldNames), so the pattern stays simple. The look-behind and the atomic
        // group keep matching linear on long runs of word characters (a base64 blob, say).
        Pair = new Regex(
            $$"""(?<![\w.\-])(?<key>(?<q>["']?)(?<name>(?>\w[\w.\-]*))\k<q>\s*[:=]\s*)(?<value>{{Regex.Escape(RedactionOptions.Marker)}}|(?:Bearer|Basic|Digest|Negotiate)\s+[^\s,;&"']+|"(?:[^"\\]|\\.)*(?:"|$)|'[^']*(?:'|$)|[^\s&,;"'}\]]+)""",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled,
            matchTimeout);

        // A multipart field: its name in Content-Disposition, more headers, a blank line, the value.
        Multipart = new Regex(
            """(?<key>name="(?<name>[^"\r\n]*)"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)(?<value>[^\r\n]*)""",
            RegexOptions.CultureInvariant | RegexOptions.Compiled,
            matchTimeout);

        // Credentials in a URL's userinfo (redis://user:pass@host, https://token@host). Only userinfo is
        // touched: a URL without one ("Now listening on: http://127.0.0.1:5000") is left exactly as it is,
        // and its query string is handled like any other key=value text.
        UserInfo = new Regex(
            """(?<![\w+.\-])(?<scheme>[a-z][a-z0-9+.\-]*://)(?<user>[^\s/?#@:"'<>]*)(?<password>:[^\s/?#@"'<>]*)?@""",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled,
            matchTimeout);
    }

    /// <summary>A <c>key=value</c> or <c>key: value</c> pair; groups <c>key</c>, <c>name</c>, <c>value</c>.</summary>
    public Regex Pair { get; }

    /// <summary>A multipart field; groups <c>key</c>, <c>name</c>, <c>value</c>.</summary>
    public Regex Multipart { get; }

    /// <summary>A URL's userinfo; groups <c>scheme</c>, <c>user</c>, <c>password</c>.</summary>
    public Regex UserInfo { get; }
}
