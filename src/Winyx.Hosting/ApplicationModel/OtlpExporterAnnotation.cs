namespace Winyx.Hosting.ApplicationModel;

/// <summary>The resource exports OpenTelemetry to the dashboard: it receives the <c>OTEL_*</c> variables.</summary>
public sealed class OtlpExporterAnnotation : IResourceAnnotation;
