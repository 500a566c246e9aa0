using CsCheck;
using Google.Protobuf;
using Winyx.Contracts.Users.V1;
using Winyx.Testing.Fuzzing;

namespace Winyx.UserRpc.Tests.Fuzzing;

/// <summary>
/// Calls to every UserService method: valid shapes with hostile strings, extreme and overflowing
/// numbers, version tokens that are not versions, unknown (extra) fields, and bytes that are not the
/// method's message at all (wrong wire types, truncated, random).
/// </summary>
public static class RpcCaseGen
{
    /// <summary>The methods every run covers.</summary>
    public static readonly string[] Methods = ["Register", "Authenticate", "GetUser", "ListUsers", "UpdateProfile"];

    private static readonly Gen<long> Id = Gen.Frequency(
        (3, Gen.Long[1, 40]),
        (2, Gen.OneOf(0L, -1L, long.MinValue, long.MaxValue, int.MaxValue + 1L, 1L << 53)),
        (1, Gen.Long));

    private static readonly Gen<int> Number = Gen.Frequency(
        (3, Gen.Int[-3, 110]),
        (1, Gen.OneOf(0, -1, int.MinValue, int.MaxValue, 101, 1 << 30)),
        (1, Gen.Int));

    private static readonly Gen<string> Version = Gen.OneOf("", "0", "-1", "1", "2", "01", "+1", "1.0", "abc", "2147483648", "99999999999999999999", " 1", "\u0661");

    private static readonly byte[]? NoExtra = null;

    // Unknown fields a newer client might send: a varint (field 99) and a string (field 100).
    private static readonly Gen<byte[]?> Extra = Gen.Frequency(
        (4, Gen.Const(NoExtra)),
        (1, Gen.Const((byte[]?)[0x98, 0x06, 0x01, 0xA2, 0x06, 0x03, 0x61, 0x62, 0x63])));

    /// <summary>A call to one of <see cref="Methods"/>.</summary>
    public static readonly Gen<RpcCase> Any = Gen.Frequency(
        (4, Gen.Select(HostileText.Any, HostileText.Email, PasswordText(), Extra).Select(t =>
            Case("Register", new RegisterRequest { Name = t.Item1, Email = t.Item2, Password = t.Item3 }, t.Item4))),
        (2, Gen.Select(HostileText.Email, HostileText.Any, Extra).Select(t =>
            Case("Authenticate", new AuthenticateRequest { Email = t.Item1, Password = t.Item2 }, t.Item3))),
        (2, Gen.Select(Id, Extra).Select(t => Case("GetUser", new GetUserRequest { Id = t.Item1 }, t.Item2))),
        (2, Gen.Select(Number, Number, Extra).Select(t => Case("ListUsers", new ListUsersRequest { Page = t.Item1, Size = t.Item2 }, t.Item3))),
        (4, Update()),
        (1, Raw()));

    private static Gen<string> PasswordText() => Gen.Frequency((3, Gen.Const("Fuzz-Password-123")), (2, HostileText.Any));

    private static Gen<RpcCase> Update() =>
        Gen.Select(Gen.Null(HostileText.Any, 0.3), Gen.Null(HostileText.Email, 0.5), Gen.Int[0, 5], Version, Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false))), Id)
            .Select(t =>
            {
                var (name, email, versionChoice, version, owner, id) = t;
                var request = new UpdateProfileRequest { Id = owner ? 0 : id };
                if (name is not null)
                {
                    request.Name = name;
                }

                if (email is not null)
                {
                    request.Email = email;
                }

                if (versionChoice >= 3)
                {
                    request.ExpectedVersion = version;
                }

                return new RpcCase("UpdateProfile", request, null, owner, versionChoice);
            });

    // Bytes that are not the message: field 1 with the wrong wire type, a truncated length, random bytes.
    private static Gen<RpcCase> Raw() =>
        Gen.Select(Gen.OneOf(Methods), Gen.Frequency(
                (1, Gen.Const(new byte[] { 0x08, 0x01 })),
                (1, Gen.Const(new byte[] { 0x0A, 0x7F, 0x61 })),
                (1, Gen.Const(new byte[] { 0x0A, 0x02, 0xC3, 0x28 })),
                (1, Gen.Const(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })),
                (3, Gen.Byte.Array[1, 64])))
            .Select(t => new RpcCase(t.Item1, null, t.Item2, false, 0));

    private static RpcCase Case(string method, IMessage request, byte[]? extra)
    {
        if (extra is not null)
        {
            request.MergeFrom(extra);
        }

        return new RpcCase(method, request, null, false, 0);
    }
}
