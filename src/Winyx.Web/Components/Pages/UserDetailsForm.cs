using System.ComponentModel.DataAnnotations;

namespace Winyx.Web.Components.Pages;

/// <summary>
/// The name and e-mail fields the register and profile forms share, with one set of local checks.
/// Only the obvious checks run here; the Api owns the rules and its field errors are shown next to
/// the same fields.
/// </summary>
public abstract class UserDetailsForm
{
    /// <summary>Display name.</summary>
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(50, ErrorMessage = "Use at most 50 characters.")]
    public string Name { get; set; } = "";

    /// <summary>Email address.</summary>
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254, ErrorMessage = "Use at most 254 characters.")]
    public string Email { get; set; } = "";
}
