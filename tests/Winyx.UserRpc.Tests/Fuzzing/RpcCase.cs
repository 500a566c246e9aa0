using Google.Protobuf;

namespace Winyx.UserRpc.Tests.Fuzzing;

/// <summary>One generated call to UserRpc.</summary>
/// <param name="Method">The UserService method.</param>
/// <param name="Request">The request message (with unknown fields when generated so), or null for <see cref="RawBytes"/>.</param>
/// <param name="RawBytes">A request body that is not (quite) the method's message, sent as is.</param>
/// <param name="TargetsOwner">An UpdateProfile of the fuzz owner (its id filled in when sent).</param>
/// <param name="VersionChoice">For the owner's update: 0 no expected version, 1 the current one, 2 a stale one, else as generated.</param>
public sealed record RpcCase(string Method, IMessage? Request, byte[]? RawBytes, bool TargetsOwner, int VersionChoice)
{
    /// <summary>A one-line description for failure messages.</summary>
    public override string ToString()
    {
        var raw = RawBytes ?? [];
        var text = Request is null ? $"raw {Convert.ToHexString(raw.AsSpan(0, Math.Min(raw.Length, 64)))}" : Request.ToString() ?? "";
        return $"{Method} {(text.Length > 400 ? text[..400] + "…" : text)}";
    }
}
