using System.Diagnostics.Metrics;
using Grpc.Core;

namespace Winyx.UserRpc.Diagnostics;

/// <summary>
/// The service's own instruments. Prometheus sees them as
/// <c>database_query_duration_seconds{query_type,table}</c> and
/// <c>grpc_server_call_duration_seconds{grpc_method,grpc_status}</c> (the exporter turns the
/// dotted name plus unit <c>s</c> into the <c>_seconds</c> name).
/// </summary>
public sealed class UserRpcMetrics
{
    /// <summary>The meter every UserRpc instrument lives on.</summary>
    public const string MeterName = "Winyx.UserRpc";

    // The seed's buckets for database_query_duration_seconds (000 §5.3.2).
    private static readonly double[] DatabaseBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    // OpenTelemetry's recommended buckets for RPC/HTTP durations in seconds; 0.5 is a boundary so
    // the RpcHighLatency rule (> 500 ms) reads an exact bucket.
    private static readonly double[] RpcBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Histogram<double> _databaseQueryDuration;
    private readonly Histogram<double> _grpcServerCallDuration;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public UserRpcMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _databaseQueryDuration = meter.CreateHistogram(
            "database.query.duration",
            unit: "s",
            description: "Duration of the database commands the service runs.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DatabaseBuckets });
        _grpcServerCallDuration = meter.CreateHistogram(
            "grpc.server.call.duration",
            unit: "s",
            description: "Duration of unary gRPC calls handled by the service, by method and final status.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RpcBuckets });
    }

    /// <summary>Records one database command.</summary>
    /// <param name="queryType">select, insert, update, delete or other.</param>
    /// <param name="table">The table the command names first.</param>
    /// <param name="duration">How long the command took.</param>
    public void RecordDatabaseQuery(string queryType, string table, TimeSpan duration) =>
        _databaseQueryDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("query_type", queryType),
            new KeyValuePair<string, object?>("table", table));

    /// <summary>Records one finished gRPC call.</summary>
    /// <param name="method">The short method name, e.g. <c>Register</c>.</param>
    /// <param name="status">The status the call ended with.</param>
    /// <param name="duration">How long the call took, including injected latency.</param>
    public void RecordGrpcCall(string method, StatusCode status, TimeSpan duration) =>
        _grpcServerCallDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("grpc_method", method),
            new KeyValuePair<string, object?>("grpc_status", status.ToString()));
}
