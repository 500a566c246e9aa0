using System.Diagnostics.CodeAnalysis;

namespace Winyx.Web.Api;

/// <summary>The outcome of one Api call: a value, or an <see cref="ApiError"/> the page can show.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ApiResult<T>
{
    private ApiResult(T? value, ApiError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value when the call succeeded.</summary>
    public T? Value { get; }

    /// <summary>The error when the call failed.</summary>
    public ApiError? Error { get; }

    /// <summary>Whether the call succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>A successful result.</summary>
    public static ApiResult<T> Ok(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static ApiResult<T> Fail(ApiError error) => new(default, error);
}
