using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Winyx.Api.Errors;

/// <summary>
/// Refuses a body larger than <see cref="RequestLimits.MaxBodyBytes"/>: a declared
/// <c>Content-Length</c> over the limit gets 413 problem details at once, before anything reads it;
/// a chunked body is cut by the server at the same limit while it is read (also 413, see
/// <see cref="RequestProblems"/>).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimits> options)
{
    /// <summary>Applies the limit to one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return RequestProblems.BodyTooLarge(limit).ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
