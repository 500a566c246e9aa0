using Winyx.Hosting.Configuration;
using Winyx.Hosting.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Hosting.Tests;

/// <summary>Generated secrets persist in a user-only file and parameters prefer configuration.</summary>
public sealed class SecretStoreTests
{
    [Fact]
    public void SecretIsGeneratedOnceAndKeptInAUserOnlyFile()
    {
        var directory = TestDirectories.Create("secrets");

        var first = new SecretStore(directory).GetOrCreate("jwt-signing-key");
        var again = new SecretStore(directory).GetOrCreate("jwt-signing-key");
        var other = new SecretStore(directory).GetOrCreate("chaos-key");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(32, first.Length);
        var path = Path.Combine(directory, "secrets.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        TestDirectories.Delete(directory);
    }

    [Fact]
    public void ConfiguredParameterValueWinsOverAGeneratedOne()
    {
        var (builder, _, _) = TestApps.CreateFake();
        builder.Configuration["Parameters:jwt-signing-key"] = "from-configuration";

        var configured = builder.AddParameter("jwt-signing-key", secret: true, generate: true);
        var generated = builder.AddParameter("chaos-key", secret: true, generate: true);

        Assert.Equal("from-configuration", configured.Resource.Value);
        Assert.Equal(builder.Secrets.GetOrCreate("chaos-key"), generated.Resource.Value);
    }

    [Fact]
    public void ParameterWithoutAnyValueFailsNamingIt()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var parameter = builder.AddParameter("smtp-password", secret: true);

        var error = Assert.Throws<InvalidOperationException>(() => parameter.Resource.Value);

        Assert.Contains("Parameters__smtp-password", error.Message, StringComparison.Ordinal);
    }
}
