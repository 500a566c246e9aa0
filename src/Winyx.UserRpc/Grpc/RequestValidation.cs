using Winyx.Contracts.Users;
using Winyx.Contracts.Users.V1;

namespace Winyx.UserRpc.Grpc;

/// <summary>Validates each request message; a failure is INVALID_ARGUMENT naming every bad field.</summary>
internal static class RequestValidation
{
    /// <summary>name, email and password of a registration.</summary>
    public static void Validate(this RegisterRequest request) => new FieldViolations()
        .Check("name", UserRules.Name(request.Name))
        .Check("email", UserRules.Email(request.Email))
        .Check("password", UserRules.NewPassword(request.Password))
        .ThrowIfAny();

    /// <summary>email and password of a login.</summary>
    public static void Validate(this AuthenticateRequest request) => new FieldViolations()
        .Check("email", UserRules.OfferedEmail(request.Email))
        .Check("password", UserRules.OfferedPassword(request.Password))
        .ThrowIfAny();

    /// <summary>The id of a lookup.</summary>
    public static void Validate(this GetUserRequest request) => new FieldViolations()
        .Check("id", UserRules.Id(request.Id))
        .ThrowIfAny();

    /// <summary>page and size of a listing.</summary>
    public static void Validate(this ListUsersRequest request) => new FieldViolations()
        .Check("page", UserRules.Page(request.Page))
        .Check("size", UserRules.Size(request.Size))
        .ThrowIfAny();

    /// <summary>The id, whichever of name and email are set, and the expected version if given.</summary>
    public static void Validate(this UpdateProfileRequest request)
    {
        const string nothingToChange = "set name, email or both.";
        var nothingSet = !request.HasName && !request.HasEmail;
        new FieldViolations()
            .Check("id", UserRules.Id(request.Id))
            .Check("name", nothingSet ? nothingToChange : request.HasName ? UserRules.Name(request.Name) : null)
            .Check("email", nothingSet ? nothingToChange : request.HasEmail ? UserRules.Email(request.Email) : null)
            .Check("expected_version", request.HasExpectedVersion ? UserRules.Version(request.ExpectedVersion) : null)
            .ThrowIfAny();
    }
}
