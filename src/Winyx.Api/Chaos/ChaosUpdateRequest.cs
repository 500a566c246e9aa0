namespace Winyx.Api.Chaos;

/// <summary>The body of <c>PUT /admin/chaos</c>.</summary>
/// <param name="ErrorRatio">Share of matching requests to fail, 0–1.</param>
/// <param name="LatencyMs">Delay to add to matching requests, 0–60000 ms.</param>
/// <param name="Routes">Route templates (e.g. <c>/api/users/{id}</c>); empty or omitted means all.</param>
public sealed record ChaosUpdateRequest(double? ErrorRatio, int? LatencyMs, IReadOnlyList<string>? Routes);
