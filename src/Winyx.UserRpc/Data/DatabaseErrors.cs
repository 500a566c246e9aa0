using System.IO;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Reads EF Core and MySqlConnector exceptions (often nested: EF wraps the driver's) into a
/// <see cref="DatabaseFailure"/>; the one place that knows MySQL's error codes.
/// </summary>
internal static class DatabaseErrors
{
    /// <summary>Classifies <paramref name="exception"/> or anything it wraps.</summary>
    public static DatabaseFailure Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var failure = current switch
            {
                DbUpdateConcurrencyException => DatabaseFailure.ConcurrencyConflict,
                MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } => DatabaseFailure.DuplicateKey,
                MySqlException mySql when IsConnectionFailure(mySql) => DatabaseFailure.Unavailable,
                SocketException or IOException or TimeoutException => DatabaseFailure.Unavailable,
                _ => DatabaseFailure.Unexpected,
            };
            if (failure != DatabaseFailure.Unexpected)
            {
                return failure;
            }
        }

        return DatabaseFailure.Unexpected;
    }

    /// <summary>True when the exception means the server could not be reached or went away.</summary>
    public static bool IsUnavailable(Exception exception) => Classify(exception) == DatabaseFailure.Unavailable;

    private static bool IsConnectionFailure(MySqlException exception) =>
        exception.IsTransient
        || exception.ErrorCode is MySqlErrorCode.UnableToConnectToHost
            or MySqlErrorCode.ConnectionCountError
            or MySqlErrorCode.ServerShutdown
            or MySqlErrorCode.CommandTimeoutExpired
        // 2000–2999 are client-side codes (CR_*): lost connection, server gone away, and so on.
        || exception.Number is >= 2000 and < 3000;
}
