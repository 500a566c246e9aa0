using System.Text;

namespace Winyx.ServiceDefaults.Redaction;

/// <summary>
/// Decides whether a field name names a secret. Names are compared after normalisation (lower case,
/// without <c>_</c>, <c>-</c>, <c>.</c> and spaces) and a field matches when it contains a secret name,
/// so <c>refresh_token</c>, <c>X-Api-Key</c> and <c>newPassword</c> are all caught.
/// </summary>
internal sealed class SecretFieldNames
{
    private readonly string[] _normalized;

    public SecretFieldNames(IEnumerable<string> names)
    {
        _normalized = names.Select(Normalize).Where(n => n.Length > 0).Distinct().ToArray();
    }

    public bool IsSecret(string fieldName)
    {
        var normalized = Normalize(fieldName);
        return _normalized.Any(secret => normalized.Contains(secret, StringComparison.Ordinal));
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
