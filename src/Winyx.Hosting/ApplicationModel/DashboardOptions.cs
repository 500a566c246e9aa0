using System.Globalization;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Where the dashboard side of the AppHost listens (DESIGN.md: 18888 UI and control API, 18889
/// OTLP/gRPC, 18890 OTLP/HTTP; free ports when taken or isolated) and the login token of this run.
/// </summary>
/// <param name="ControlPort">UI and control API.</param>
/// <param name="OtlpGrpcPort">OTLP/gRPC receiver that resources export to.</param>
/// <param name="OtlpHttpPort">OTLP/HTTP receiver.</param>
/// <param name="Token">The per-run token (<c>Authorization: Bearer TOKEN</c>, <c>/login?t=TOKEN</c>).</param>
public sealed record DashboardOptions(int ControlPort, int OtlpGrpcPort, int OtlpHttpPort, string Token)
{
    /// <summary>The UI and control API base address.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ControlPort}");

    /// <summary>The address resources send OTLP/gRPC to.</summary>
    public string OtlpGrpcUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{OtlpGrpcPort}");

    /// <summary>The address resources send OTLP/HTTP to.</summary>
    public string OtlpHttpUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{OtlpHttpPort}");

    /// <summary>The login link printed once everything has settled.</summary>
    public string LoginUrl => $"{Url}/login?t={Token}";

    /// <summary>Where Alertmanager posts notifications (the dashboard's webhook receiver).</summary>
    public string AlertWebhookUrl => $"{Url}/api/alerts/webhook";

    /// <inheritdoc />
    public override string ToString() => $"dashboard {Url}"; // never the token
}
