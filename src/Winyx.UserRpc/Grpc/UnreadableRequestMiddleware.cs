using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Winyx.UserRpc.Grpc;

/// <summary>
/// Answers a UserService call whose request is not the method's message — a truncated frame, a field
/// with the wrong wire type, bytes that are not protobuf — with INVALID_ARGUMENT and a
/// <c>google.rpc.BadRequest</c> naming the <c>request</c>, as the methods answer their own bad fields.
/// grpc-dotnet deserializes before any interceptor runs and reports such a request as UNKNOWN
/// ("Exception was thrown by handler"), which says "our bug" for what is the caller's.
/// </summary>
/// <remarks>
/// The unary request is read once here (bounded by gRPC's 4 MB default message limit) and handed on
/// as a fresh stream, so the gRPC handler reads the same bytes. Compressed frames are left to gRPC.
/// </remarks>
internal sealed class UnreadableRequestMiddleware(RequestDelegate next)
{
    /// <summary>The field a violation names when the request message as a whole cannot be read.</summary>
    public const string RequestField = "request";

    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private const int FrameHeaderBytes = 5;
    private static readonly string Prefix = $"/{Contracts.Users.V1.UserService.Descriptor.FullName}/";

    /// <summary>Checks one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal) || !HttpMethods.IsPost(context.Request.Method)
            || Contracts.Users.V1.UserService.Descriptor.FindMethodByName(path[Prefix.Length..]) is not { } method)
        {
            await next(context);
            return;
        }

        var body = await ReadBoundedAsync(context.Request.Body, context.RequestAborted);
        if (body is null)
        {
            // Over the message limit: gRPC itself answers RESOURCE_EXHAUSTED for that.
            await next(context);
            return;
        }

        context.Request.Body = new MemoryStream(body, writable: false);
        if (Problem(body, method.InputType.Parser) is { } problem)
        {
            WriteInvalidArgument(context.Response, method.InputType.Name, problem);
            return;
        }

        await next(context);
    }

    // Null when the frame is a readable message (or compressed, which gRPC decodes), else what is wrong.
    private static string? Problem(byte[] body, MessageParser parser)
    {
        if (body.Length < FrameHeaderBytes)
        {
            return "the request is not a complete gRPC message frame.";
        }

        if (body[0] != 0)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (length != body.Length - FrameHeaderBytes)
        {
            return "the request frame's length does not match its message.";
        }

        try
        {
            parser.ParseFrom(body, FrameHeaderBytes, (int)length);
            return null;
        }
        catch (InvalidProtocolBufferException)
        {
            return "the request is not a valid message of this method.";
        }
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxMessageBytes + FrameHeaderBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // A trailers-only gRPC response: HTTP 200, the status in the headers, no body.
    private static void WriteInvalidArgument(Microsoft.AspNetCore.Http.HttpResponse response, string messageName, string problem)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is not a readable {messageName}.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = RequestField, Description = problem } },
                }),
            },
        };
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }
}
