namespace Winyx.Api.Metrics;

/// <summary>The <c>status</c> label of <c>user_registrations_total</c>.</summary>
public enum RegistrationStatus
{
    /// <summary>The user was created.</summary>
    Success,

    /// <summary>The e-mail address was taken.</summary>
    Conflict,

    /// <summary>The input was rejected.</summary>
    Invalid,

    /// <summary>UserRpc failed or was unreachable.</summary>
    Error,
}
