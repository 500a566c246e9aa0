using System.ComponentModel.DataAnnotations;
using Winyx.Web.Api;

namespace Winyx.Web.Components.Pages.Profile;

/// <summary>The profile edit form.</summary>
public sealed class ProfileForm
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

    /// <summary>A form filled with <paramref name="user"/>'s current values.</summary>
    public static ProfileForm From(ApiUser user) => new() { Name = user.Name, Email = user.Email };
}
