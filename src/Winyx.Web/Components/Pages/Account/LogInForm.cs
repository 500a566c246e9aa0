using System.ComponentModel.DataAnnotations;

namespace Winyx.Web.Components.Pages.Account;

/// <summary>The log-in form.</summary>
public sealed class LogInForm
{
    /// <summary>Email address.</summary>
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    /// <summary>Password, never rendered back into the page.</summary>
    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";
}
