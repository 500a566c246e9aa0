using Microsoft.Extensions.Options;
using Winyx.Backup.Dumping;

namespace Winyx.Backup.Configuration;

/// <summary>Checks at start that <c>ConnectionStrings:userdb</c> parses and names a server, user and database.</summary>
public sealed class UserDbOptionsValidator : IValidateOptions<UserDbOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, UserDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = DumpTarget.Parse(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
