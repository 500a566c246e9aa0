using Microsoft.Extensions.Options;

namespace Winyx.Backup.Configuration;

/// <summary>Checks <see cref="BackupOptions"/> at start, each failure naming its key and the bad value.</summary>
public sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = BackupOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{Section}:Directory is required: the directory the backups are written to.");
        }

        if (string.IsNullOrWhiteSpace(options.TextfileDirectory))
        {
            failures.Add($"{Section}:TextfileDirectory is required: the node exporter's textfile collector directory.");
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:Interval must be positive (was '{options.Interval}').");
        }

        if (options.VerifyInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:VerifyInterval must be positive (was '{options.VerifyInterval}').");
        }

        if (options.Retain < 1)
        {
            failures.Add($"{Section}:Retain must be at least 1 (was {options.Retain}).");
        }

        if (options.MinimumSize < 0)
        {
            failures.Add($"{Section}:MinimumSize must not be negative (was {options.MinimumSize}).");
        }

        if (string.IsNullOrWhiteSpace(options.Type))
        {
            failures.Add($"{Section}:Type must not be empty: it is the metrics' type label.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
