using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Winyx.UserRpc.Tests.Infrastructure;

/// <summary>Assertions on gRPC failures.</summary>
public static class RpcAssert
{
    /// <summary>Asserts the call fails with <paramref name="expected"/> and returns the exception.</summary>
    public static async Task<RpcException> FailsWithAsync(StatusCode expected, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == exception.StatusCode, $"expected {expected}, got {exception.StatusCode}: {exception.Status.Detail}");
        return exception;
    }

    /// <summary>
    /// Asserts the call fails with INVALID_ARGUMENT whose <c>google.rpc.BadRequest</c> detail names
    /// exactly <paramref name="fields"/>; returns the violations.
    /// </summary>
    public static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> InvalidFieldsAsync(Func<Task> call, params string[] fields)
    {
        var exception = await FailsWithAsync(StatusCode.InvalidArgument, call);
        var badRequest = exception.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(fields.Order(), badRequest.FieldViolations.Select(v => v.Field).Order());
        Assert.All(badRequest.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        return badRequest.FieldViolations;
    }
}
