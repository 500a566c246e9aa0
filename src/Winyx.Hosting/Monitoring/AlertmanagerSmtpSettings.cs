namespace Winyx.Hosting.Monitoring;

/// <summary>
/// SMTP credentials for the email receivers. Given → the template's <c>email_configs</c> stay
/// and the <c>smtp_*</c> globals are set from here (null fields keep the template's seed values);
/// not given → no email is configured at all. <see cref="ToString"/> never shows the password.
/// </summary>
/// <param name="Password">The SMTP password (a secret).</param>
public sealed record AlertmanagerSmtpSettings(string Password)
{
    /// <summary><c>host:port</c> of the SMTP server; null keeps the template's.</summary>
    public string? Smarthost { get; init; }

    /// <summary>The sender address; null keeps the template's.</summary>
    public string? From { get; init; }

    /// <summary>The login name; null keeps the template's.</summary>
    public string? Username { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"AlertmanagerSmtpSettings {{ Smarthost = {Smarthost}, From = {From}, Username = {Username}, Password = *** }}";
}
