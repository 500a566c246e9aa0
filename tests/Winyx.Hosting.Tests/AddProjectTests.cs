using Winyx.Hosting.Tests.Infrastructure;

namespace Winyx.Hosting.Tests;

/// <summary>What a project receives at launch: URLs, environment and the OTEL settings Aspire injects.</summary>
public sealed class AddProjectTests
{
    [Fact]
    public async Task ProjectGetsOtelVariablesPointingAtTheDashboardReceiver()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var api = builder.AddProject("api", TestApps.FakeProject("Api"));

        var env = await WithReferenceTests.ResolveAsync(builder, api.Resource);

        Assert.Equal(builder.ExecutionContext.Dashboard.OtlpGrpcUrl, env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("api", env["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", env["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.Equal("1000", env["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", env["OTEL_METRIC_EXPORT_INTERVAL"]);
    }

    [Fact]
    public async Task EndpointWithItsOwnPortVariableIsLeftOutOfAspNetCoreUrls()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var userrpc = builder.AddProject("userrpc", TestApps.FakeProject("UserRpc"))
            .WithHttpEndpoint(8080, transport: "http2")
            .WithHttpEndpoint(name: "management", env: "Management__Port");

        var env = await WithReferenceTests.ResolveAsync(builder, userrpc.Resource);

        Assert.Equal(userrpc.GetEndpoint("http").Url, env["ASPNETCORE_URLS"]);
        Assert.Equal(userrpc.GetEndpoint("management").Port.ToString(System.Globalization.CultureInfo.InvariantCulture), env["Management__Port"]);
        Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public async Task ProjectsAreBuiltOnceTogetherAndRunFromTheirOutputAssembly()
    {
        var (builder, executor, projects) = TestApps.CreateFake();
        builder.AddProject("api", TestApps.FakeProject("Api"));
        builder.AddProject("web", TestApps.FakeProject("Web")).WithReplicas(2);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await app.WaitAsync("web", s => s.State == KnownResourceStates.Running);
        await app.WaitAsync("api", s => s.State == KnownResourceStates.Running);

        Assert.Equal(1, projects.Builds);
        Assert.Equal(["api", "web"], projects.Built.Order());
        var spec = executor.LastSpec("api");
        Assert.Equal("dotnet", spec.FileName);
        Assert.EndsWith("Api.dll", spec.Arguments[0], StringComparison.Ordinal);
        Assert.Equal(2, executor.LaunchOrder.Count(n => n == "web"));
    }

    [Fact]
    public async Task NoBuildWithoutABuildOutputNamesTheUnbuiltProject()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var api = builder.AddProject("api", TestApps.FakeProject("NeverBuilt"));
        var projects = new Winyx.Hosting.Orchestrator.DotNetProjectBuilder("Release", builder.ExecutionContext.RunDirectory, skipBuild: true, new Winyx.Hosting.Processes.ProcessOutputBuffer());

        var result = await projects.BuildAsync([api.Resource], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("never built (Release): api", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProjectPathFailsTheModelNamingTheProject()
    {
        var (builder, _, _) = TestApps.CreateFake();
        builder.AddProject("api", "../does-not-exist/Nothing.csproj");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("project 'api'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing.csproj", error.Message, StringComparison.Ordinal);
    }
}
