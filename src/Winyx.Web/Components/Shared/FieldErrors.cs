using System.Reflection;
using Winyx.Web.Api;

namespace Winyx.Web.Components.Shared;

/// <summary>Places an Api error's field messages on the properties of a form model.</summary>
public static class FieldErrors
{
    /// <summary>
    /// The field messages of <paramref name="error"/>: the problem's own, plus the taken email of
    /// a 409, which belongs next to the email field.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string[]>> For(ApiError error)
    {
        if (error.IsEmailTaken && error.FieldErrors.Count == 0)
        {
            return [new("email", [ApiErrorMessages.EmailTaken])];
        }

        return error.FieldErrors;
    }

    /// <summary>
    /// The model property an Api field name refers to, case-insensitively and ignoring a prefix
    /// such as <c>request.</c> or <c>$.</c>; null when the model has no such property.
    /// </summary>
    public static string? Property(object model, string apiField)
    {
        var name = apiField[(apiField.LastIndexOf('.') + 1)..];
        return model.GetType()
            .GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.Name;
    }
}
