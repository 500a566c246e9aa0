// The Winyx fleet: infrastructure first, then the services wired to it.
var builder = DistributedApplication.CreateBuilder(args);

// Data stores
var mysql = builder.AddMySql("mysql", port: 3306);
var userdb = mysql.AddDatabase("userdb");
var redis = builder.AddRedis("redis", port: 6379);
builder.AddMySqlBackup("backup", userdb);

// Monitoring: alerts, metrics, exporters, dashboards, traces
var alertmanager = builder.AddAlertmanager("alertmanager", port: 9093)
    .WithConfigDirectory("../../monitoring/alertmanager");
var prometheus = builder.AddPrometheus("prometheus", port: 9091)
    .WithRuleFiles("../../monitoring/prometheus/rules")
    .WithAlertmanager(alertmanager);
builder.AddNodeExporter("node-exporter", port: 9100).WithTextfileDirectory();
builder.AddMySqlExporter("mysql-exporter", mysql, port: 9104);
builder.AddRedisExporter("redis-exporter", redis, port: 9121);
builder.AddGrafana("grafana", prometheus, port: 3001)
    .WithProvisioning("../../monitoring/grafana");
builder.AddJaeger("jaeger", uiPort: 16686, otlpPort: 4317);

// Secrets generated once and kept under .winyx/
var jwtSigningKey = builder.AddParameter("jwt-signing-key", secret: true, generate: true);
var chaosKey = builder.AddParameter("chaos-key", secret: true, generate: true);

// Services
var userrpc = builder.AddProject("userrpc", "../Winyx.UserRpc")
    .WithHttpEndpoint(8080, transport: "http2")
    .WithHttpEndpoint(name: "management", env: "Management__Port")
    .WithMetricsEndpoint(endpointName: "management")
    .WithHttpHealthCheck("/health", endpointName: "management")
    .WithChaos(chaosKey)
    .WithReference(userdb).WaitFor(userdb);

var api = builder.AddProject("api", "../Winyx.Api")
    .WithHttpEndpoint(8888)
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithChaos(chaosKey)
    .WithReference(redis).WaitFor(redis)
    .WithReference(userrpc).WaitFor(userrpc);

builder.AddProject("web", "../Winyx.Web")
    .WithHttpEndpoint(3000)
    .WithHttpHealthCheck("/health")
    .WithChaos(chaosKey)
    .WithReference(api).WaitFor(api);

builder.Build().Run();
