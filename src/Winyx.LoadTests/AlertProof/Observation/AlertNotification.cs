using System.Text.Json.Serialization;

namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>One webhook delivery Winyx.Alerts recorded (<c>GET /api/notifications</c>).</summary>
/// <param name="ReceivedAt">When Winyx.Alerts received it.</param>
/// <param name="Receiver">The Alertmanager receiver that sent it.</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c> (the group's status).</param>
/// <param name="Alerts">The alerts it carried, each with its own status.</param>
public sealed record AlertNotification(
    DateTimeOffset ReceivedAt,
    string Receiver,
    string Status,
    IReadOnlyList<NotifiedAlert> Alerts);

/// <summary>An alert inside a notification.</summary>
/// <param name="AlertName">Its name.</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Annotations">Its annotations.</param>
public sealed record NotifiedAlert(
    [property: JsonPropertyName("alertname")] string AlertName,
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>Its severity label, empty when none.</summary>
    public string Severity => Labels.GetValueOrDefault("severity", string.Empty);
}
