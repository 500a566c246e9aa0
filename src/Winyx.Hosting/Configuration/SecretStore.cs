using System.Security.Cryptography;
using System.Text.Json;

namespace Winyx.Hosting.Configuration;

/// <summary>
/// Generated secrets (database passwords, signing keys) kept in <c>secrets.json</c> under the data
/// root, readable by the user only (0600), so they survive restarts of the fleet.
/// </summary>
public sealed class SecretStore
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Lock _gate = new();
    private readonly string _path;
    private Dictionary<string, string>? _secrets;

    /// <summary>Uses <c>&lt;directory&gt;/secrets.json</c>.</summary>
    public SecretStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _path = Path.Combine(directory, "secrets.json");
    }

    /// <summary>The file's path.</summary>
    public string FilePath => _path;

    /// <summary>The stored secret <paramref name="name"/>, generated (and saved) on first use.</summary>
    public string GetOrCreate(string name, int length = 32)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var secrets = _secrets ??= Load();
            if (!secrets.TryGetValue(name, out var value))
            {
                // Letters and digits only: the value lands in connection strings and URLs unescaped.
                value = RandomNumberGenerator.GetString(Alphabet, length);
                secrets[name] = value;
                Save(secrets);
            }

            return value;
        }
    }

    private Dictionary<string, string> Load()
    {
        if (!File.Exists(_path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var json = File.ReadAllText(_path);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    private void Save(Dictionary<string, string> secrets)
    {
        var directory = Path.GetDirectoryName(_path)!;
        // The directory may be one the user chose (--data-dir $HOME, say): its mode is theirs; the file is what is ours to restrict.
        Directory.CreateDirectory(directory);

        OwnerOnlyFile.WriteAllText(_path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
    }
}
