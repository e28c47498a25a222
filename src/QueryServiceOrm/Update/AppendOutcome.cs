namespace QueryServiceOrm.Update;

/// <summary>What a failed append statement tells about its own rows.</summary>
internal static class AppendOutcome
{
    /// <summary>
    /// Whether the statement may have been applied: a server that answered with an error did not apply it; a broken
    /// connection, a cancellation or an unexpected row count leave it open.
    /// </summary>
    public static bool IsUnknown(Exception exception) => exception is not (Npgsql.PostgresException or QueryServiceServerException);

    /// <summary>
    /// What to throw for a failed statement: the account of what landed, or, when the caller cancelled, a cancellation
    /// carrying that account inside it (cancelling stays cancellation).
    /// </summary>
    /// <param name="cause">Why the statement failed.</param>
    /// <param name="failure">The account of what landed.</param>
    public static Exception Rethrowable(Exception cause, Exception failure)
        => cause is OperationCanceledException canceled
            ? new OperationCanceledException(failure.Message, failure, canceled.CancellationToken)
            : failure;
}
