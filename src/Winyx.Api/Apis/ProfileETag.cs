using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Winyx.Contracts.Users;

namespace Winyx.Api.Apis;

/// <summary>
/// The entity tag of <c>/api/users/me</c>: UserRpc's version as a strong tag (<c>"3"</c>), and the
/// reading of <c>If-Match</c> (RFC 9110 §13.1.1) into the version UserRpc should expect.
/// </summary>
public static class ProfileETag
{
    /// <summary>The header's field name in problem details.</summary>
    public const string Field = "If-Match";

    /// <summary>The strong entity tag for <paramref name="version"/>.</summary>
    public static string Format(string version) => $"\"{version}\"";

    /// <summary>
    /// Reads <c>If-Match</c>. Absent or <c>*</c>: no precondition (null version, no error). One strong tag
    /// holding a version: that version. A tag that is not one of ours (weak, or not a version) can match
    /// no current profile: <see cref="IfMatch.NeverMatches"/>. Unparsable or several tags: a field error.
    /// </summary>
    public static IfMatch Read(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header))
        {
            return new(null, false, null);
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            return new(null, false, "If-Match must be \"*\" or an entity tag from the ETag header.");
        }

        if (tags.Count > 1)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any))
                ? new(null, false, "If-Match must not mix \"*\" with entity tags.")
                : new(null, false, "If-Match must hold one entity tag: the ETag of the profile being changed.");
        }

        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return new(null, false, null);
        }

        var version = tag.Tag.Value![1..^1];
        return !tag.IsWeak && UserRules.TryParseVersion(version, out _)
            ? new(version, false, null)
            : new(null, true, null);
    }

    /// <summary>What <c>If-Match</c> asks for.</summary>
    /// <param name="Version">The version the update must find, or null for no precondition.</param>
    /// <param name="NeverMatches">The tag can match no profile (weak, or not ours): answer 412 without calling UserRpc.</param>
    /// <param name="Error">Why the header is malformed, or null.</param>
    public sealed record IfMatch(string? Version, bool NeverMatches, string? Error);
}
