using Xunit;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class DockerEngineTests
{
    [Fact]
    public async Task DockerDetectionAnswersWithoutThrowing()
    {
        var reachable = await DockerEngine.IsReachableAsync();

        if (!File.Exists("/var/run/docker.sock") && Environment.GetEnvironmentVariable("DOCKER_HOST") is null)
        {
            Assert.False(reachable);
        }
    }
}
