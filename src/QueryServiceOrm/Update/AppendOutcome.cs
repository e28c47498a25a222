namespace QueryServiceOrm.Update;

/// <summary>What a failed append statement tells about its own rows.</summary>
internal static class AppendOutcome
{
    /// <summary>
    /// Whether the statement may have been applied: a server that answered with an error did not apply it; a broken
    /// connection, a cancellation or an unexpected row count leave it open.
    /// </summary>
    public static bool IsUnknown(Exception exception) => exception is not (Npgsql.PostgresException or QueryServiceServerException);
}
