using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Winyx.Api.Auth;

/// <summary>Registers JWT issuing and bearer validation.</summary>
public static partial class JwtRegistration
{
    /// <summary>
    /// Adds <see cref="JwtTokenIssuer"/> and JwtBearer validation with the same key, issuer and audience.
    /// Outside Development a missing or short <c>Jwt:SigningKey</c> stops the start with a clear message.
    /// </summary>
    /// <example><code>builder.AddJwtAuthentication();</code></example>
    public static IHostApplicationBuilder AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        // Made once here: options are built more than once (start-up validation, IOptions), and every
        // build must see the same ephemeral key, with one warning.
        var ephemeralKey = builder.Environment.IsDevelopment()
            ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))
            : null;
        var warned = 0;
        builder.Services.AddOptions<JwtOptions>()
            .Bind(builder.Configuration.GetSection(JwtOptions.SectionName))
            .PostConfigure<ILoggerFactory>((options, loggers) =>
            {
                if (string.IsNullOrEmpty(options.SigningKey) && ephemeralKey is not null)
                {
                    options.SigningKey = ephemeralKey;
                    if (Interlocked.Exchange(ref warned, 1) == 0)
                    {
                        LogEphemeralKey(loggers.CreateLogger(typeof(JwtRegistration)));
                    }
                }
            })
            .Validate(o => o.SigningKey is not null && Encoding.UTF8.GetByteCount(o.SigningKey) >= JwtOptions.MinimumKeyBytes,
                $"Jwt:SigningKey must be set to at least {JwtOptions.MinimumKeyBytes} bytes (the AppHost generates one).")
            .Validate(o => o.Lifetime > TimeSpan.Zero, "Jwt:Lifetime must be positive.")
            .ValidateOnStart();

        builder.Services.AddSingleton<JwtTokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, TimeProvider>((bearer, jwt, time) =>
            {
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(new CachingJsonWebTokenHandler(time));
                // Keep "sub" and "name" as issued instead of the legacy WS-* claim types (set after the
                // handler is added: the setter passes it on to the handlers).
                bearer.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties; storing it there
                // cost a dictionary and a date formatted on every request.
                bearer.SaveToken = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = JwtTokenIssuer.SigningKey(jwt.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Jwt:SigningKey is not configured; using an ephemeral key (Development only): tokens stop working when the process restarts")]
    private static partial void LogEphemeralKey(ILogger logger);
}
