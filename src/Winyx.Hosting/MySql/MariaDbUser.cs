namespace Winyx.Hosting.MySql;

/// <summary>An account MariaDB set-up creates (for <c>127.0.0.1</c> and <c>localhost</c>).</summary>
/// <param name="Name">Letters, digits and underscores only.</param>
/// <param name="Password">The password; set again on every start, so changing it here takes effect.</param>
public sealed record MariaDbUser(string Name, string Password)
{
    /// <summary>
    /// Databases the user gets ALL PRIVILEGES on; null means every database in
    /// <see cref="MariaDbServerOptions.Databases"/>.
    /// </summary>
    public IReadOnlyList<string>? Databases { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name; // never the password
}
