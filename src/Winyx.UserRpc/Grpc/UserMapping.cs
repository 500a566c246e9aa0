using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Winyx.Contracts.Users.V1;
using Winyx.UserRpc.Data;
using ProtoUser = Winyx.Contracts.Users.V1.User;

namespace Winyx.UserRpc.Grpc;

/// <summary>Maps stored users to contract messages; the password hash never leaves this service.</summary>
internal static class UserMapping
{
    /// <summary>The contract view of a stored user.</summary>
    public static ProtoUser ToContract(this Data.User user) => new()
    {
        Id = user.Id,
        Name = user.Name,
        Email = user.Email,
        CreatedAt = Timestamp.FromDateTime(user.CreatedAt),
        UpdatedAt = Timestamp.FromDateTime(user.UpdatedAt),
        Version = user.Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A reply carrying one user.</summary>
    public static UserReply ToReply(this Data.User user) => new() { User = user.ToContract() };

    /// <summary>A reply carrying one page of users.</summary>
    public static ListUsersReply ToReply(this UserPage page, int pageNumber, int size) => new()
    {
        Users = { page.Users.Select(u => u.ToContract()) },
        Page = pageNumber,
        Size = size,
        Total = page.Total,
    };
}
