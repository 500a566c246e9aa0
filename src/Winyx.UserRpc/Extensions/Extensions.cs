using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Winyx.UserRpc.Chaos;
using Winyx.UserRpc.Data;
using Winyx.UserRpc.Diagnostics;
using Winyx.UserRpc.Grpc;
using Winyx.UserRpc.Hosting;
using Winyx.UserRpc.Security;

namespace Winyx.UserRpc.Extensions;

/// <summary>Registration of the user service: endpoints, database, gRPC, passwords and chaos.</summary>
public static class Extensions
{
    /// <summary>The gRPC service name, as clients and health checks address it.</summary>
    public const string GrpcServiceName = "winyx.user.v1.UserService";

    // Pomelo needs the server version up front; detecting it would need the database to be up at start.
    private const string DefaultServerVersion = "10.11.0-mariadb";

    /// <summary>Adds everything the user service needs to <paramref name="builder"/>.</summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureUserRpcEndpoints();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UserRpcMetrics>();
        AddUserDatabase(builder);
        AddPasswordHashing(builder.Services);
        AddGrpc(builder.Services);
        return builder;
    }

    /// <summary>Maps the gRPC services (users, health, reflection); <c>MapDefaultEndpoints()</c> maps <c>/admin/chaos</c>.</summary>
    public static WebApplication MapUserRpcApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<UnreadableRequestMiddleware>();
        app.MapGrpcService<UserService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    private static void AddUserDatabase(WebApplicationBuilder builder)
    {
        // Validated now, so a missing ConnectionStrings__userdb stops the start with a clear message.
        var connectionString = new UserDbConnectionString(builder.Configuration);
        var serverVersion = ServerVersion.Parse(builder.Configuration["UserDb:ServerVersion"] ?? DefaultServerVersion);
        var services = builder.Services;
        services.AddSingleton(connectionString);
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<DbCommandTelemetry>();
        services.AddSingleton<DbCommandTelemetryInterceptor>();
        services.AddSingleton<UserByIdQuery>();
        services.AddSingleton<PreparedStatementInterceptor>();
        services.AddDbContextPool<UsersDbContext>((provider, options) => options
            .UseMySql(connectionString.Value, serverVersion, mySql => mySql.ExecutionStrategy(dependencies => new ReconnectingExecutionStrategy(dependencies)))
            .AddInterceptors(provider.GetRequiredService<DbCommandTelemetryInterceptor>(), provider.GetRequiredService<PreparedStatementInterceptor>())
            // EF logs these at Error; the gRPC layer already reports each failed call once, and a
            // taken e-mail is an ordinary outcome, not an error for the error-log alert.
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug))));
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<MySqlHealthCheck>("mysql", tags: ["ready"]);
    }

    private static void AddPasswordHashing(IServiceCollection services)
    {
        services.AddOptions<PasswordHashingOptions>()
            .BindConfiguration(PasswordHashingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UserPasswordHasher>();
    }

    private static void AddGrpc(IServiceCollection services)
    {
        services.AddSingleton<ServerCallMetricsInterceptor>();
        services.AddSingleton<DatabaseErrorInterceptor>();
        // The switch itself and /admin/chaos come with the service defaults; only the interceptor is ours.
        services.AddSingleton<ChaosInterceptor>();
        // Metrics wrap every gRPC service (health included); chaos and database mapping only the
        // user service, chaos outermost so injected latency delays the call before it runs.
        services.AddGrpc(o => o.Interceptors.Add<ServerCallMetricsInterceptor>())
            .AddServiceOptions<UserService>(o =>
            {
                o.Interceptors.Add<ChaosInterceptor>();
                o.Interceptors.Add<DatabaseErrorInterceptor>();
            });
        services.AddGrpcReflection();
        // grpc.health.v1 reports the ASP.NET Core health checks: NOT_SERVING while MySQL is down.
        services.AddGrpcHealthChecks(o => o.Services.Map(GrpcServiceName, _ => true));
    }
}
