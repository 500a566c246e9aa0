using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.Api.Auth;
using Winyx.Api.Caching;
using Winyx.Api.Errors;
using Winyx.Api.HealthChecks;
using Winyx.Api.Metrics;
using Winyx.Api.Net;
using Winyx.Api.RateLimiting;
using Winyx.Api.Users;
using Winyx.ServiceDefaults.Chaos;

namespace Winyx.Api.Extensions;

/// <summary>The API's service registrations and middleware, so <c>Program.cs</c> reads as the outline.</summary>
public static class Extensions
{
    /// <summary>Registers everything the API's routes need.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = RequestProblems.NameTheField);
        // Malformed JSON, wrong content types, oversized bodies and unbindable parameters throw in every
        // environment, so RequestProblems can answer them naming the field (the status-code pages alone
        // would say only "Bad Request").
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<RequestProblems>();
        services.Configure<RequestLimits>(builder.Configuration.GetSection(RequestLimits.SectionName));
        services.Configure<ForwardedForOptions>(builder.Configuration.GetSection(ForwardedForOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddApiDocumentation();

        services.AddSingleton<ApiMetrics>();
        // Registered after the service defaults' telemetry, so it starts once the meter listener is on.
        services.AddHostedService<ApiMetricsSeeder>();
        builder.AddRedis();
        builder.AddUserProfileCache();
        services.Configure<ActiveUsersOptions>(builder.Configuration.GetSection(ActiveUsersOptions.SectionName));
        services.AddSingleton<ActiveUsersTracker>();
        services.AddHostedService<ActiveUsersFlusher>();

        builder.AddUserRpcClient();
        builder.AddJwtAuthentication();
        builder.AddLoginRateLimiting();

        services.AddHealthChecks()
            .AddCheck<UserRpcHealthCheck>("userrpc", HealthStatus.Unhealthy, ["ready"])
            .AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, ["ready"]);
        return builder;
    }

    /// <summary>Inserts the API's middleware in order: the caller's address, errors, body limit, faults, identity, limits, activity.</summary>
    public static WebApplication UseApplicationMiddleware(this WebApplication app)
    {
        app.UseMiddleware<TrustedForwardedForMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseChaos();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<ActiveUsersMiddleware>();
        return app;
    }

    private static void AddRedis(this IHostApplicationBuilder builder)
    {
        // Parsed here so a malformed connection string stops the start instead of every request.
        var connectionString = builder.Configuration.GetConnectionString("redis");
        var options = string.IsNullOrWhiteSpace(connectionString) ? null : RedisStore.ParseOptions(connectionString);
        builder.Services.AddSingleton(sp => new RedisStore(options, sp.GetRequiredService<ILogger<RedisStore>>()));
    }
}
