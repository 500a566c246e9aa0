namespace Winyx.UserRpc.Data;

/// <summary>Names in the users schema that code outside the model needs (metrics, error mapping).</summary>
internal static class UserSchema
{
    /// <summary>The users table.</summary>
    public const string UsersTable = "users";

    /// <summary>The unique index on <c>users.email</c>; a duplicate-key error naming it means "email taken".</summary>
    public const string EmailIndexName = "ux_users_email";
}
