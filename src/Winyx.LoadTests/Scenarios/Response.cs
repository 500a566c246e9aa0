namespace Winyx.LoadTests.Scenarios;

/// <summary>
/// What one iteration or step reports: whether it succeeded, its status code (HTTP, gRPC or any
/// number the scenario chooses) and the bytes it transferred.
/// </summary>
/// <param name="IsOk">True for a success.</param>
/// <param name="StatusCode">HTTP or gRPC status; 0 when there is none (e.g. a connection error).</param>
/// <param name="SizeBytes">Bytes received (or sent), for the data-transfer columns.</param>
/// <param name="Message">Why it failed, when it did.</param>
public readonly record struct Response(bool IsOk, int StatusCode, long SizeBytes, string? Message)
{
    /// <summary>A success.</summary>
    public static Response Ok(int statusCode = 200, long sizeBytes = 0) => new(true, statusCode, sizeBytes, null);

    /// <summary>A failure.</summary>
    public static Response Fail(int statusCode = 0, long sizeBytes = 0, string? message = null) =>
        new(false, statusCode, sizeBytes, message);
}
