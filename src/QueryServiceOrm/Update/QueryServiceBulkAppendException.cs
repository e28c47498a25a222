namespace QueryServiceOrm.Update;

/// <summary>AppendAsync stopped at a failed statement; the rows before it were appended. A cancelled AppendAsync throws an <see cref="OperationCanceledException"/> with this inside.</summary>
public sealed class QueryServiceBulkAppendException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The failure of the statement.</param>
    /// <param name="appendedRows">How many rows, from the start of the sequence, were appended.</param>
    /// <param name="outcomeUnknown">Whether the failed statement's rows may have been written after all.</param>
    public QueryServiceBulkAppendException(string message, Exception innerException, long appendedRows, bool outcomeUnknown)
        : base(message, innerException)
    {
        AppendedRows = appendedRows;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>How many rows, from the start of the sequence, were appended: skip these to resume.</summary>
    public long AppendedRows { get; }

    /// <summary>
    /// Whether the failed statement's rows may have landed after all (the connection broke or the call was cancelled while
    /// it ran, or the server reported a different count): count the table before resuming.
    /// </summary>
    public bool OutcomeUnknown { get; }
}
