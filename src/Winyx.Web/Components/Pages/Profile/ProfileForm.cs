using Winyx.Web.Api;

namespace Winyx.Web.Components.Pages.Profile;

/// <summary>The profile edit form.</summary>
public sealed class ProfileForm : UserDetailsForm
{
    /// <summary>A form filled with <paramref name="user"/>'s current values.</summary>
    public static ProfileForm From(ApiUser user) => new() { Name = user.Name, Email = user.Email };
}
