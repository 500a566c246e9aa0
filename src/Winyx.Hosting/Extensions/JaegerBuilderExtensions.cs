using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>AddJaeger</c>: trace UI and OTLP receiver.</summary>
public static class JaegerBuilderExtensions
{
    /// <summary>Jaeger has no Debian package: what to do when neither its binary nor a container engine is there.</summary>
    public const string InstallHint = "put jaeger-all-in-one from https://www.jaegertracing.io/download/ on PATH (no Debian 12 package), or start docker or podman";

    /// <summary>
    /// Adds Jaeger all-in-one (endpoints <c>http</c> for the UI and <c>otlp</c> for OTLP/gRPC): a
    /// local binary, else the <c>jaegertracing/all-in-one</c> container (host network), else Missing.
    /// </summary>
    /// <example><code>builder.AddJaeger("jaeger", uiPort: 16686, otlpPort: 4317);</code></example>
    public static IResourceBuilder<JaegerResource> AddJaeger(this IDistributedApplicationBuilder builder, string name, int? uiPort = null, int? otlpPort = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new JaegerResource(name))
            .WithHttpEndpoint(uiPort)
            .WithHttpEndpoint(otlpPort, name: "otlp", transport: "http2")
            .WithHttpHealthCheck("/")
            .WithAnnotation(new InstallHintAnnotation(InstallHint))
            .WithAnnotation(new ContainerHostNetworkAnnotation())
            .WithContainerImage("jaegertracing/all-in-one", "1.62.0")
            .WithArgs(context =>
            {
                context.Args.AddRange([
                    $"--query.http-server.host-port={context.Endpoint("http").Address}",
                    "--collector.otlp.enabled=true",
                    $"--collector.otlp.grpc.host-port={context.Endpoint("otlp").Address}",
                ]);
                return Task.CompletedTask;
            });
    }
}
