namespace QueryServiceOrm.Update;

/// <summary>
/// AppendAsync stopped at a failed statement; the entities before it were appended. A cancelled AppendAsync throws an
/// <see cref="OperationCanceledException"/> with this inside. <c>context.ResumeAppendAsync(exception, entities)</c>, given the
/// same sequence again, appends the rest exactly once.
/// </summary>
public sealed class QueryServiceBulkAppendException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The failure of the statement.</param>
    /// <param name="appendedRows">How many entities, from the start of the sequence, are known to be in the table.</param>
    /// <param name="uncertainRows">
    /// How many entities after those the failed statement held when it may have been applied (the connection broke); 0
    /// when the server refused it.
    /// </param>
    public QueryServiceBulkAppendException(string message, Exception innerException, long appendedRows, int uncertainRows)
        : base(message, innerException)
    {
        AppendedRows = appendedRows;
        UncertainRows = uncertainRows;
    }

    /// <summary>
    /// How many entities, from the start of the sequence, are known to be in the table: the statements before the failed
    /// one. When <see cref="OutcomeUnknown"/> is false, skip these and append the rest to resume.
    /// </summary>
    public long AppendedRows { get; }

    /// <summary>
    /// How many entities after <see cref="AppendedRows"/> the failed statement held when its rows may or may not be in the
    /// table; 0 when the server refused it (then none of them is).
    /// </summary>
    public int UncertainRows { get; }

    /// <summary>
    /// Whether the failed statement's rows may have landed after all: the connection broke or the call was cancelled while
    /// it ran, or the server reported a different count. The <see cref="UncertainRows"/> entities may or may not be in the
    /// table: skipping only <see cref="AppendedRows"/> appends them twice if they landed, skipping them too loses them if not.
    /// For an entity type with a one-column key, <c>ResumeAppendAsync</c> asks the table which of them
    /// landed; for a keyless one, only a look-up by a value of your own can tell.
    /// </summary>
    public bool OutcomeUnknown => UncertainRows > 0;

    /// <summary>The entity type whose append failed, so that a resume reads the same sequence.</summary>
    internal Type? EntityClrType { get; init; }
}
