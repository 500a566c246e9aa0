using System.ComponentModel.DataAnnotations;

namespace Winyx.Web.Components.Pages.Account;

/// <summary>The register form: the user's details and a password.</summary>
public sealed class RegisterForm : UserDetailsForm
{
    /// <summary>Password, never rendered back into the page.</summary>
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(128, ErrorMessage = "Use at most 128 characters.")]
    public string Password { get; set; } = "";
}
