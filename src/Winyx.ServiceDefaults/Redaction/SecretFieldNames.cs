using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Winyx.ServiceDefaults.Redaction;

/// <summary>
/// Decides whether a field name names a secret. Names are compared after normalisation (lower case,
/// without <c>_</c>, <c>-</c>, <c>.</c> and spaces) and a field matches when it contains a secret name,
/// so <c>refresh_token</c>, <c>X-Api-Key</c> and <c>newPassword</c> are all caught.
/// </summary>
internal sealed class SecretFieldNames
{
    // Log property names are a small, fixed set (method, path, SourceContext, RequestId, ...): the answer
    // for each is remembered, so the enricher that checks every property of every record stops
    // normalising the same names over and over. Bounded, in case names are made up per record.
    private const int MaxRemembered = 4096;
    private const int StackLimit = 512;

    private readonly string[] _normalized;
    private readonly ConcurrentDictionary<string, bool> _remembered = new(StringComparer.Ordinal);

    public SecretFieldNames(IEnumerable<string> names)
    {
        _normalized = names.Select(Normalize).Where(n => n.Length > 0).Distinct().ToArray();
    }

    public bool IsSecret(string fieldName)
    {
        if (_remembered.TryGetValue(fieldName, out var secret))
        {
            return secret;
        }

        secret = ContainsName(fieldName);
        if (_remembered.Count < MaxRemembered)
        {
            _remembered.TryAdd(fieldName, secret);
        }

        return secret;
    }

    /// <summary>
    /// True when <paramref name="text"/>, normalised as a whole, contains a secret name. Every field name
    /// found inside the text is a piece of it, and normalising keeps pieces contiguous, so when this is
    /// false no field named in the text can be a secret: free text is scanned for pairs only when it is true.
    /// </summary>
    public bool ContainsName(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = 0;
            foreach (var c in text)
            {
                if (c is not ('_' or '-' or '.' or ' '))
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }

            var normalized = buffer[..length];
            foreach (var name in _normalized)
            {
                if (normalized.IndexOf(name.AsSpan(), StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or '.' or ' '))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
