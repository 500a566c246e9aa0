using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Ingestion;

/// <summary>What became of a payload: stored as <see cref="Notification"/>, or refused with field errors.</summary>
public sealed record IngestionResult(Notification? Notification, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Whether the notification was stored.</summary>
    public bool Stored => Notification is not null;

    internal static IngestionResult Success(Notification notification) => new(notification, new Dictionary<string, string[]>());

    internal static IngestionResult Invalid(Dictionary<string, string[]> errors) => new(null, errors);
}
