using Winyx.Web.Api;

namespace Winyx.Web.Components.Pages.Profile;

/// <summary>The profile edit form.</summary>
public sealed class ProfileForm : UserDetailsForm
{
    /// <summary>The ETag of the profile the form was filled from, posted back (hidden) as <c>If-Match</c>.</summary>
    public string? Version { get; set; }

    /// <summary>A form filled with <paramref name="user"/>'s current values.</summary>
    public static ProfileForm From(ApiUser user) => new() { Name = user.Name, Email = user.Email ?? "", Version = user.ETag };
}
