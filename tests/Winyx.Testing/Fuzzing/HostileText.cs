using CsCheck;

namespace Winyx.Testing.Fuzzing;

/// <summary>
/// Strings a hostile or careless client sends in a field that expects a name, an e-mail or a password:
/// empty and blank, just over every length limit, far over it, control and format characters, surrogate
/// pairs, combining marks, right-to-left overrides, injection payloads, and random Unicode.
/// </summary>
public static class HostileText
{
    private static readonly string[] Fixed =
    [
        "", " ", "   \t\n", "\0", "a\0b", "\uFEFF", "\u200B\u200B", "\u202Eevil\u202C", "e\u0301\u0301\u0301",
        "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Ｆｕｌｌｗｉｄｔｈ", "ǅ", "İ", "ß", "ﬁ",
        "'; DROP TABLE users; --", "\" OR \"1\"=\"1", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{0}{1}%s%n%x",
        "../../etc/passwd", "%00", "\\u0000", "null", "undefined", "NaN", "-0", "1e309",
    ];

    /// <summary>Any hostile string, sometimes a plain valid one (so accepted paths are fuzzed too).</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (4, Gen.OneOf(Fixed)),
        (2, Gen.String[Gen.Char, 0, 60]),
        (2, Gen.String[Gen.Char.AlphaNumeric, 1, 40]),
        (1, Gen.Int[45, 60].Select(n => new string('n', n))),
        (1, Gen.Int[120, 300].Select(n => new string('x', n))),
        (1, Gen.Int[1, 30].Select(n => string.Concat(Enumerable.Repeat("😀", n)))),
        (1, Gen.Int[1_000, 20_000].Select(n => new string('z', n))));

    /// <summary>E-mail-like strings: unique valid ones, and every way of almost being one.</summary>
    public static readonly Gen<string> Email = Gen.Frequency(
        (4, Gen.Guid.Select(g => $"fuzz-{g:N}@example.com")),
        (1, Gen.Guid.Select(g => $"FUZZ-{g:N}@Example.COM")),
        (1, Gen.Guid.Select(g => $"  fuzz-{g:N}@example.com  ")),
        (1, Gen.Guid.Select(g => $"fü-{g:N}@exämple.com")),
        (1, Gen.Guid.Select(g => $"Fuzz <fuzz-{g:N}@example.com>")),
        (1, Gen.Guid.Select(g => $"fuzz-{g:N}@localhost")),
        (1, Gen.Int[240, 260].Select(n => new string('a', n - 12) + "@example.com")),
        (1, Gen.OneOf("@", "a@", "@b.c", "a@b", "a@b.", "a b@c.d", "a@@b.c", "a@b..c")),
        (2, Any));
}
