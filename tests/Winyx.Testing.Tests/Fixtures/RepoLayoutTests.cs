using Xunit;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class RepoLayoutTests
{
    [Fact]
    public void TheRootIsTheDirectoryHoldingTheSolution() =>
        Assert.True(File.Exists(Path.Combine(RepoLayout.Root, "Winyx.sln")));

    [Fact]
    public void ProjectsResolveToTheConfigurationTheseTestsWereBuiltWith()
    {
        var expected = Path.Combine(RepoLayout.Root, "src", "Winyx.Api", "bin", RepoLayout.Configuration, "net10.0");

        Assert.Equal(expected, RepoLayout.ProjectOutputDirectory("Winyx.Api"));
        Assert.Contains($"{Path.DirectorySeparatorChar}{RepoLayout.Configuration}{Path.DirectorySeparatorChar}", AppContext.BaseDirectory, StringComparison.Ordinal);
    }
}
