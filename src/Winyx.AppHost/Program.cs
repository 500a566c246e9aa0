// The Winyx fleet on .NET Aspire: data stores, monitoring, then the services wired to them.
var builder = WinyxApplication.CreateBuilder(args);

// Data stores
var mysql = builder.AddMySql("mysql", port: 3306);
var userdb = mysql.AddDatabase("userdb");
var redis = builder.AddRedisServer("redis", port: 6379);

// Monitoring: alerts, metrics, exporters
var alertmanager = builder.AddAlertmanager("alertmanager", port: 9093)
    .WithConfigDirectory("../../monitoring/alertmanager");
var prometheus = builder.AddPrometheus("prometheus", port: 9091)
    .WithRuleFiles("../../monitoring/prometheus/rules")
    .WithAlertmanager(alertmanager)
    .WaitForScrapeTargets();
var nodeExporter = builder.AddNodeExporter("node-exporter", port: 9100).WithTextfileDirectory();
builder.AddMySqlExporter("mysql-exporter", mysql, port: 9104);
builder.AddRedisExporter("redis-exporter", redis, port: 9121);

// Grafana and Jaeger have no Debian package: containers, where an engine answers
if (ContainerRuntime.IsAvailable())
{
    builder.AddGrafana("grafana", prometheus, "../../monitoring/grafana", port: 3001);
    builder.AddJaeger("jaeger", uiPort: 16686, otlpPort: 4317).ReceivingTracesFromEveryProject();
}
else
{
    builder.NoteLeftOut("grafana", "no container engine answers; start Docker or Podman to add it (Winyx.Alerts renders its dashboards meanwhile)");
    builder.NoteLeftOut("jaeger", "no container engine answers; start Docker or Podman to add it (the Aspire dashboard shows the traces meanwhile)");
}

// Secrets, generated once and kept owner-only in the data directory
var jwtSigningKey = builder.AddGeneratedSecret("jwt-signing-key");
var chaosKey = builder.AddGeneratedSecret("chaos-key");
var webhookToken = builder.AddGeneratedSecret("alertmanager-webhook-token");
// Proves to the Api that an X-Forwarded-For comes from the Web (every caller shares the loopback).
var forwardedForKey = builder.AddGeneratedSecret("forwarded-for-key");

// Services. They start together: the Api answers 503 until UserRpc is up and serves without
// Redis, the Web shows a friendly page until the Api is up, so none waits for another.
var userrpc = builder.AddProject<Projects.Winyx_UserRpc>("userrpc", launchProfileName: null)
    .WithServiceEndpoint("http", port: 8080, http2Only: true)
    .WithServiceEndpoint("management", port: 9102, portVariable: "Management__Port")
    .WithMetricsEndpoint(endpointName: "management")
    .WithHttpHealthCheck("/health", endpointName: "management")
    .WithChaos(chaosKey, endpointName: "management")
    .WithReference(userdb).WaitFor(userdb);

var api = builder.AddProject<Projects.Winyx_Api>("api", launchProfileName: null)
    .WithServiceEndpoint("http", port: 8888)
    .WithMetricsEndpoint()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Api")
    .WithRelativeUrl("/scalar", "Scalar (API reference)")
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("ForwardedFor__Key", forwardedForKey)
    .WithChaos(chaosKey)
    .WithReference(redis)
    .WithReference(userrpc);

builder.AddProject<Projects.Winyx_Web>("web", launchProfileName: null)
    .WithServiceEndpoint("http", port: 3000)
    .WithMetricsEndpoint()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Web")
    .WithEnvironment("ForwardedFor__Key", forwardedForKey)
    .WithChaos(chaosKey)
    .WithReference(api);

// Operations: alerts and dashboards, database backups
builder.AddProject<Projects.Winyx_Alerts>("alerts", launchProfileName: null)
    .WithServiceEndpoint("http", port: 9095)
    .WithMetricsEndpoint()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Alerts")
    .WithRelativeUrl("/dashboards", "Dashboards")
    .WithAlertSources(prometheus, alertmanager, webhookToken, "../../monitoring/grafana/dashboards");

builder.AddProject<Projects.Winyx_Backup>("backup", launchProfileName: null)
    .WithServiceEndpoint("http", port: 9096)
    .WithMetricsEndpoint()
    .WithHttpHealthCheck("/health")
    .WithBackupSchedule(nodeExporter)
    .WithReference(userdb).WaitFor(userdb);

builder.Build().Run();
