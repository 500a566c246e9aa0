using Google.Rpc;

namespace Winyx.UserRpc.Grpc;

/// <summary>Collects the bad fields of one request, then fails the call with all of them at once.</summary>
internal sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    /// <summary>Adds a violation when <paramref name="description"/> is not null.</summary>
    /// <param name="field">The proto field name, e.g. <c>email</c>.</param>
    /// <param name="description">What is wrong, or null when the field is fine.</param>
    public FieldViolations Check(string field, string? description)
    {
        if (description is not null)
        {
            _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }

        return this;
    }

    /// <summary>Throws INVALID_ARGUMENT naming every collected field, if any.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(_violations);
        }
    }
}
