using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Winyx.Api.Metrics;

namespace Winyx.Api.RateLimiting;

/// <summary>Login throttling: ASP.NET Core's rate limiter per client IP, <see cref="AccountLoginThrottle"/> per account.</summary>
public static class LoginRateLimiting
{
    /// <summary>The rate-limiter policy on the login route.</summary>
    public const string PerIpPolicy = "login-per-ip";

    /// <summary>Registers both limits.</summary>
    /// <example><code>builder.AddLoginRateLimiting();</code></example>
    public static IHostApplicationBuilder AddLoginRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<LoginRateLimitOptions>(builder.Configuration.GetSection(LoginRateLimitOptions.SectionName));
        builder.Services.AddSingleton<AccountLoginThrottle>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<LoginRateLimitOptions>>((limiter, login) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerIpPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = login.Value.PerIpPermitLimit,
                    Window = login.Value.PerIpWindow,
                    QueueLimit = 0,
                }));

            // Only the login route has a policy, so every rejection here is a rate-limited login.
            limiter.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : login.Value.PerIpWindow;
                rejected.HttpContext.RequestServices.GetRequiredService<ApiMetrics>().Login(LoginStatus.RateLimited);
                await TooManyAttempts(rejected.HttpContext.Response, retryAfter).ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>The 429 answer (problem details plus <c>Retry-After</c>) both limits give.</summary>
    public static ProblemHttpResult TooManyAttempts(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "Too many login attempts",
            detail: $"Try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
