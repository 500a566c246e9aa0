using Winyx.Contracts.Users.V1;

namespace Winyx.UserRpc.Tests.Infrastructure;

/// <summary>Unique, valid registrations so tests sharing a database never collide.</summary>
public static class TestUsers
{
    /// <summary>A password that passes validation.</summary>
    public const string Password = "correct horse battery";

    /// <summary>A fresh e-mail address.</summary>
    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    /// <summary>A valid registration with a fresh e-mail.</summary>
    public static RegisterRequest NewRegistration(string name = "Test User") =>
        new() { Name = name, Email = NewEmail(), Password = Password };

    /// <summary>Registers a fresh user and returns it.</summary>
    public static async Task<User> RegisterAsync(this UserService.UserServiceClient users, string name = "Test User") =>
        (await users.RegisterAsync(NewRegistration(name))).User;
}
