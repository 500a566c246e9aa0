namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Rules for resource and endpoint names. Names end up in environment variable names
/// (<c>services__api__http__0</c>), file names and URLs, so they are kept to a safe alphabet.
/// </summary>
public static class ModelName
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the problem when <paramref name="name"/> is not valid.</summary>
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid name: use 1-{MaxLength} characters, letters, digits and hyphens, starting with a letter and not ending with a hyphen.",
                nameof(name));
        }
    }

    /// <summary>True when <paramref name="name"/> follows the naming rules.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength
        && char.IsAsciiLetter(name[0])
        && name[^1] != '-'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
