namespace Winyx.UserRpc.Data;

/// <summary>What a database exception means to a caller.</summary>
internal enum DatabaseFailure
{
    /// <summary>Not a failure the service knows how to explain (a bug or a schema problem).</summary>
    Unexpected,

    /// <summary>The server cannot be reached or dropped the connection: retry later.</summary>
    Unavailable,

    /// <summary>A unique index rejected the row (the e-mail is taken).</summary>
    DuplicateKey,

    /// <summary>The row's version changed since it was read.</summary>
    ConcurrencyConflict,
}
