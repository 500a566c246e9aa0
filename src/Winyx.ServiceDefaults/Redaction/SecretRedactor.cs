using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Winyx.ServiceDefaults.Redaction;

/// <summary>
/// Removes secret values from text before it is logged: JSON fields, form fields, query strings,
/// <c>key=value</c> / <c>key: value</c> pairs and multipart fields named like a secret
/// (see <see cref="RedactionOptions"/>), and the credentials in a URL's userinfo. This is the one
/// redaction mechanism of Winyx: the access log, the log-property enricher and the log formatter all call it.
/// </summary>
public sealed class SecretRedactor
{
    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly SecretPatterns _patterns;
    private readonly SecretFieldNames _names;

    /// <summary>
    /// Creates a redactor for the built-in secret names plus <paramref name="extraFields"/>; a text
    /// whose scan outlasts <paramref name="matchTimeout"/> (default <see cref="SecretPatterns.DefaultMatchTimeout"/>)
    /// is replaced whole by the marker.
    /// </summary>
    public SecretRedactor(IEnumerable<string>? extraFields = null, TimeSpan? matchTimeout = null)
    {
        _names = new SecretFieldNames(RedactionOptions.BuiltInFields.Concat(extraFields ?? []));
        _patterns = matchTimeout is { } timeout ? new SecretPatterns(timeout) : SecretPatterns.Default;
    }

    /// <summary>True when a field of this name holds a secret.</summary>
    public bool IsSecretField(string fieldName) => _names.IsSecret(fieldName);

    /// <summary>Redacts a request or response body according to its content type.</summary>
    public string RedactBody(string body, string? contentType)
    {
        var type = contentType ?? string.Empty;
        if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return RedactJson(body);
        }

        return type.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? RedactForm(body)
            : RedactText(body);
    }

    /// <summary>
    /// Redacts every field named like a secret, at any depth; text that does not parse as JSON
    /// (a body cut at the size limit, say) falls back to <see cref="RedactText"/>.
    /// </summary>
    public string RedactJson(string json)
    {
        try
        {
            var root = JsonNode.Parse(json, documentOptions: DocumentOptions);
            if (root is null)
            {
                return json;
            }

            if (RedactedString(root) is { } redactedRoot)
            {
                return redactedRoot.ToJsonString(JsonOutput);
            }

            RedactInPlace(root);
            return root.ToJsonString(JsonOutput);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON after all, cut short, too deep or with duplicate keys: scan it as text.
            return RedactText(json);
        }
    }

    /// <summary>Redacts the values of secret fields in <c>application/x-www-form-urlencoded</c> text or a query string.</summary>
    public string RedactForm(string form)
    {
        var prefix = form.StartsWith('?') ? "?" : string.Empty;
        var pairs = form[prefix.Length..].Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var separator = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? pairs[i] : pairs[i][..separator];
            if (separator >= 0 && IsSecretField(DecodeFormComponent(key)))
            {
                pairs[i] = key + "=" + RedactionOptions.Marker;
            }
        }

        return prefix + string.Join('&', pairs);
    }

    /// <summary>
    /// Redacts secret-looking <c>key=value</c>, <c>key: value</c>, JSON and multipart pairs and URL
    /// credentials (<c>user:pass@</c>) in free text; URLs without credentials are left intact.
    /// </summary>
    public string RedactText(string text)
    {
        // Every pattern needs a ':' or '='; most log text has neither, so skip the regexes. Of the rest,
        // only URL credentials are redacted whatever their name; pairs and multipart fields only when
        // named like a secret, which needs a secret name somewhere in the text (ASP.NET Core's RequestId
        // "0HN…:00000001" is on every record and named nothing).
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(':', '=') < 0
            || (!MayHoldUserInfo(text) && !_names.ContainsName(text)))
        {
            return text;
        }

        try
        {
            return _patterns.Multipart.Replace(RedactPairs(_patterns.UserInfo.Replace(text, ReplaceUserInfo)), ReplaceMultipartField);
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail closed: text too convoluted to scan in time is not logged at all.
            return RedactionOptions.Marker;
        }
    }

    private static bool MayHoldUserInfo(string text) =>
        text.Contains('@') && text.Contains("://", StringComparison.Ordinal);

    private string RedactPairs(string text)
    {
        StringBuilder? output = null;
        var copied = 0;
        var match = _patterns.Pair.Match(text);
        while (match.Success)
        {
            var value = match.Groups["value"];
            if (!IsSecretField(match.Groups["name"].Value))
            {
                // Not a secret; its value is scanned too, for pairs of its own ("note": "token=abc").
                match = _patterns.Pair.Match(text, value.Index);
                continue;
            }

            var quote = value.Length > 0 && text[value.Index] is '"' or '\'' ? text[value.Index].ToString() : string.Empty;
            output ??= new StringBuilder(text.Length);
            output.Append(text, copied, value.Index - copied).Append(quote).Append(RedactionOptions.Marker).Append(quote);
            copied = value.Index + value.Length;
            match = _patterns.Pair.Match(text, copied);
        }

        return output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
    }

    // user:password keeps the user name; a lone user name is usually a token (https://TOKEN@github.com).
    private static string ReplaceUserInfo(Match match) =>
        match.Groups["password"].Success
            ? match.Groups["scheme"].Value + match.Groups["user"].Value + ":" + RedactionOptions.Marker + "@"
            : match.Groups["scheme"].Value + RedactionOptions.Marker + "@";

    private string ReplaceMultipartField(Match match) =>
        IsSecretField(match.Groups["name"].Value) ? match.Groups["key"].Value + RedactionOptions.Marker : match.Value;

    private void RedactInPlace(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                var child = obj[name];
                if (IsSecretField(name))
                {
                    obj[name] = RedactionOptions.Marker;
                }
                else if (RedactedString(child) is { } replacement)
                {
                    obj[name] = replacement;
                }
                else
                {
                    RedactInPlace(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (RedactedString(array[i]) is { } replacement)
                {
                    array[i] = replacement;
                }
                else
                {
                    RedactInPlace(array[i]);
                }
            }
        }
    }

    // A string value may itself carry "password=..." text; returns its redacted copy, or null when unchanged.
    private JsonValue? RedactedString(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return null;
        }

        var redacted = RedactText(text);
        return redacted == text ? null : JsonValue.Create(redacted);
    }

    private static string DecodeFormComponent(string component)
    {
        try
        {
            return Uri.UnescapeDataString(component.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return component;
        }
    }
}
