using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Winyx.Api.Auth;

/// <summary>
/// JwtBearer's <see cref="JsonWebTokenHandler"/> with a memory of tokens it has already validated: a
/// client sends the same token with every request, and decoding, parsing and verifying it again each
/// time was one of the three largest costs of a cached GET (bench/RESULTS.md).
/// </summary>
/// <remarks>
/// Only a token that validated is remembered, under its whole text (signature included), so nothing
/// unverified is ever accepted; it is forgotten when it expires (plus the allowed clock skew), after
/// <see cref="MaxAge"/>, or when the signing key, issuer or audience it was validated against change
/// (JwtBearer hands every request its own copy of the parameters, so they cannot be compared by reference). Each request gets its own copy of
/// the identity, so claims transformations can never change another request's user.
/// </remarks>
public sealed class CachingJsonWebTokenHandler(TimeProvider time) : JsonWebTokenHandler
{
    /// <summary>How long a validated token is trusted without validating it again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How many tokens are remembered at most; beyond it, expired ones are swept first.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (token is not null && _validated.TryGetValue(token, out var known))
        {
            if (known.IsUsable(validationParameters, now))
            {
                return known.Result();
            }

            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && token is not null && result.SecurityToken is JsonWebToken jwt)
        {
            Remember(token, new ValidatedToken(result, validationParameters, Until(jwt, validationParameters, now)), now);
        }

        return result;
    }

    private static DateTime Until(JsonWebToken jwt, TokenValidationParameters parameters, DateTime now)
    {
        var bestBefore = now + MaxAge;
        if (jwt.ValidTo == DateTime.MinValue)
        {
            return bestBefore;
        }

        var expires = jwt.ValidTo + parameters.ClockSkew;
        return expires < bestBefore ? expires : bestBefore;
    }

    private void Remember(string token, ValidatedToken validated, DateTime now)
    {
        if (_validated.Count >= Capacity)
        {
            foreach (var (key, value) in _validated)
            {
                if (value.Until <= now)
                {
                    _validated.TryRemove(key, out _);
                }
            }

            if (_validated.Count >= Capacity)
            {
                return;
            }
        }

        _validated[token] = validated;
    }

    private sealed class ValidatedToken(TokenValidationResult result, TokenValidationParameters parameters, DateTime until)
    {
        private readonly ClaimsIdentity _identity = result.ClaimsIdentity;
        private readonly SecurityToken _token = result.SecurityToken;
        private readonly string? _issuer = result.Issuer;
        private readonly string? _tokenType = result.TokenType;

        public DateTime Until { get; } = until;

        public bool IsUsable(TokenValidationParameters current, DateTime now) =>
            now < Until
            && ReferenceEquals(current.IssuerSigningKey, parameters.IssuerSigningKey)
            && current.ValidIssuer == parameters.ValidIssuer
            && current.ValidAudience == parameters.ValidAudience;

        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            ClaimsIdentity = _identity.Clone(),
            SecurityToken = _token,
            Issuer = _issuer,
            TokenType = _tokenType,
        };
    }
}
