using System.Security.Cryptography;

namespace Winyx.Testing;

/// <summary>Random credentials for throwaway servers.</summary>
public static class TestSecrets
{
    /// <summary>A fresh 24-character hexadecimal password.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
