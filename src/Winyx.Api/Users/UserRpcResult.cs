namespace Winyx.Api.Users;

/// <summary>
/// The outcome of a UserRpc call: a value, or one of the failures the handlers answer themselves.
/// Unavailability is not a result but a <see cref="UserServiceException"/>, because every handler
/// answers it the same way (503) through one endpoint filter.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class UserRpcResult<T>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private UserRpcResult(T? value, UserRpcFailure failure, IReadOnlyDictionary<string, string[]> fieldErrors)
    {
        Value = value;
        Failure = failure;
        FieldErrors = fieldErrors;
    }

    /// <summary>The value when <see cref="Failure"/> is <see cref="UserRpcFailure.None"/>.</summary>
    public T? Value { get; }

    /// <summary>What went wrong, or <see cref="UserRpcFailure.None"/>.</summary>
    public UserRpcFailure Failure { get; }

    /// <summary>Bad fields (camelCase names) when <see cref="Failure"/> is <see cref="UserRpcFailure.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; }

    /// <summary>A successful result.</summary>
    public static UserRpcResult<T> Success(T value) => new(value, UserRpcFailure.None, NoErrors);

    /// <summary>A failed result.</summary>
    public static UserRpcResult<T> Failed(UserRpcFailure failure, IReadOnlyDictionary<string, string[]>? fieldErrors = null) =>
        new(default, failure, fieldErrors ?? NoErrors);
}
