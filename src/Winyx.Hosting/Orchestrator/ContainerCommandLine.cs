using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Builds <c>docker run</c> for a resource: loopback-only port mappings, environment passed by
/// name (values travel in the CLI's environment, so secrets never show in <c>ps</c>), removed on exit.
/// </summary>
public static class ContainerCommandLine
{
    /// <summary>The arguments after the engine's CLI path.</summary>
    public static IReadOnlyList<string> Build(ResourceLaunchContext context, ContainerImageAnnotation image, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        var resource = context.Resource;
        List<string> run = ["run", "--rm", "--name", $"winyx-{resource.Name}-{context.ReplicaIndex}-{Environment.ProcessId}"];
        var hostNetwork = resource.HasAnnotation<ContainerHostNetworkAnnotation>();
        if (hostNetwork)
        {
            run.AddRange(["--network", "host"]);
        }

        foreach (var endpoint in resource.AnnotationsOf<EndpointAnnotation>().Where(_ => !hostNetwork))
        {
            var targetPort = resource.AnnotationsOf<ContainerPortAnnotation>().LastOrDefault(p => p.EndpointName == endpoint.Name)?.TargetPort
                ?? endpoint.Port
                ?? context.Endpoint(endpoint.Name).Port;
            run.AddRange(["-p", $"127.0.0.1:{context.Endpoint(endpoint.Name).Port}:{targetPort}"]);
        }

        foreach (var mount in resource.AnnotationsOf<ContainerMountAnnotation>())
        {
            run.AddRange(["-v", $"{mount.Source}:{mount.Target}{(mount.ReadOnly ? ":ro" : string.Empty)}"]);
        }

        foreach (var name in environment.Keys)
        {
            run.AddRange(["-e", name]);
        }

        run.Add(image.Reference);
        run.AddRange(args);
        return run;
    }
}
