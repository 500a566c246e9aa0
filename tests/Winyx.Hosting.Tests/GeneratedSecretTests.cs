using Winyx.Hosting.Configuration;

namespace Winyx.Hosting.Tests;

public sealed class GeneratedSecretTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("winyx-hosting-tests-").FullName;

    [Fact]
    public async Task AddGeneratedSecretIsStableAcrossBuildersOnTheSameDataDirectory()
    {
        string? first;
        using (var model = TestModel.CreateOn(_dataDirectory))
        {
            first = await model.Builder.AddGeneratedSecret("jwt-signing-key").Resource.GetValueAsync(CancellationToken.None);
        }

        using var again = TestModel.CreateOn(_dataDirectory);
        var second = await again.Builder.AddGeneratedSecret("jwt-signing-key").Resource.GetValueAsync(CancellationToken.None);
        var other = await again.Builder.AddGeneratedSecret("other-key", length: 48).Resource.GetValueAsync(CancellationToken.None);

        Assert.Equal(32, first!.Length);
        Assert.Matches("^[A-Za-z0-9]+$", first);
        Assert.Equal(first, second);
        Assert.Equal(48, other!.Length);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task AddGeneratedSecretKeepsTheFileOwnerOnlyAndLeavesTheDirectoryMode()
    {
        var directoryMode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(_dataDirectory);
        using var model = TestModel.CreateOn(_dataDirectory);
        var secret = model.Builder.AddGeneratedSecret("jwt-signing-key");

        var value = await secret.Resource.GetValueAsync(CancellationToken.None);

        var path = Path.Combine(_dataDirectory, "secrets.json");
        Assert.True(secret.Resource.Secret);
        Assert.Contains(value!, File.ReadAllText(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(directoryMode, File.GetUnixFileMode(_dataDirectory));
        }
    }

    [Fact]
    public async Task AConfiguredParameterWinsOverTheGeneratedSecret()
    {
        using var model = TestModel.CreateOn(_dataDirectory, "Parameters:jwt-signing-key=from-user-secrets");

        var value = await model.Builder.AddGeneratedSecret("jwt-signing-key").Resource.GetValueAsync(CancellationToken.None);

        Assert.Equal("from-user-secrets", value);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "secrets.json")));
    }

    [Fact]
    public void AddGeneratedSecretGeneratesNothingUntilTheValueIsAskedFor()
    {
        using var model = TestModel.CreateOn(_dataDirectory);

        model.Builder.AddGeneratedSecret("jwt-signing-key");

        Assert.False(File.Exists(Path.Combine(_dataDirectory, "secrets.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
