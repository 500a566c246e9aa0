namespace Winyx.UserRpc.Data;

/// <summary>
/// Whether the schema is in place. Calls and the health check consult it so that, while MySQL
/// is still down at start, callers get UNAVAILABLE instead of "table doesn't exist".
/// </summary>
public sealed class DatabaseReadiness
{
    private volatile bool _isMigrated;

    /// <summary>True once the migrations have been applied.</summary>
    public bool IsMigrated => _isMigrated;

    /// <summary>Marks the schema as applied; called once by <see cref="DatabaseMigrator"/>.</summary>
    public void MarkMigrated() => _isMigrated = true;
}
