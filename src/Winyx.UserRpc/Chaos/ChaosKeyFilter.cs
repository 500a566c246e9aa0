using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Winyx.UserRpc.Chaos;

/// <summary>Lets a request through to the chaos admin API only with the configured <c>X-Chaos-Key</c>.</summary>
internal sealed class ChaosKeyFilter(IOptions<ChaosOptions> options) : IEndpointFilter
{
    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "X-Chaos-Key";

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var offered = context.HttpContext.Request.Headers[HeaderName].ToString();
        var expected = options.Value.Key ?? "";
        // Fixed-time comparison: response timing must not reveal how much of the key matched.
        var ok = expected.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(expected));
        return ok
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"The {HeaderName} header is missing or wrong."));
    }
}
