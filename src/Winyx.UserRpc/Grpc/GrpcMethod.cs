namespace Winyx.UserRpc.Grpc;

/// <summary>Names of gRPC methods as metrics and the chaos switch use them.</summary>
internal static class GrpcMethod
{
    /// <summary>
    /// The short method name of a full path: <c>/winyx.user.v1.UserService/Register</c> →
    /// <c>Register</c> (OpenTelemetry's <c>rpc.method</c>).
    /// </summary>
    public static string ShortName(string fullMethod)
    {
        var slash = fullMethod.LastIndexOf('/');
        return slash >= 0 ? fullMethod[(slash + 1)..] : fullMethod;
    }
}
