using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
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
/// The request is looked at where Kestrel buffered it, and left there unconsumed, so the gRPC handler
/// reads the same bytes without a copy (a copy per call, in a 16 KB buffer, was a measurable share of a
/// call: bench/RESULTS.md). A request still arriving past <see cref="MaxInspectedBytes"/> — far above any
/// UserService message, and within HTTP/2's flow-control window, so the client is never stalled — is left
/// to gRPC unchecked. Compressed frames are left to gRPC.
/// </remarks>
internal sealed class UnreadableRequestMiddleware(RequestDelegate next)
{
    /// <summary>The field a violation names when the request message as a whole cannot be read.</summary>
    public const string RequestField = "request";

    private const int MaxInspectedBytes = 64 * 1024;
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

        var reader = context.Request.BodyReader;
        var request = await BufferedRequestAsync(reader, context.RequestAborted);
        var problem = request.IsCompleted ? Problem(request.Buffer, method.InputType.Parser) : null;
        // Nothing consumed: the handler's first read returns the same buffer.
        reader.AdvanceTo(request.Buffer.Start, request.Buffer.End);
        if (problem is not null)
        {
            WriteInvalidArgument(context.Response, method.InputType.Name, problem);
            return;
        }

        await next(context);
    }

    // Reads until the request is complete or past what is inspected, consuming nothing.
    private static async Task<ReadResult> BufferedRequestAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(cancellationToken);
        while (!result.IsCompleted && !result.IsCanceled && result.Buffer.Length <= MaxInspectedBytes)
        {
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await reader.ReadAsync(cancellationToken);
        }

        return result;
    }

    // Null when the frame is a readable message (or compressed, which gRPC decodes), else what is wrong.
    private static string? Problem(ReadOnlySequence<byte> body, MessageParser parser)
    {
        if (body.Length < FrameHeaderBytes)
        {
            return "the request is not a complete gRPC message frame.";
        }

        Span<byte> header = stackalloc byte[FrameHeaderBytes];
        body.Slice(0, FrameHeaderBytes).CopyTo(header);
        if (header[0] != 0)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length != body.Length - FrameHeaderBytes)
        {
            return "the request frame's length does not match its message.";
        }

        try
        {
            parser.ParseFrom(body.Slice(FrameHeaderBytes));
            return null;
        }
        catch (InvalidProtocolBufferException)
        {
            return "the request is not a valid message of this method.";
        }
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
