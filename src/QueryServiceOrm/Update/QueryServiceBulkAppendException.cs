namespace QueryServiceOrm.Update;

/// <summary>AppendAsync stopped at a failed statement; the rows before it were appended.</summary>
public sealed class QueryServiceBulkAppendException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The failure of the statement.</param>
    /// <param name="appendedRows">How many rows, from the start of the sequence, were appended.</param>
    public QueryServiceBulkAppendException(string message, Exception innerException, long appendedRows)
        : base(message, innerException)
        => AppendedRows = appendedRows;

    /// <summary>How many rows, from the start of the sequence, were appended: skip these to resume.</summary>
    public long AppendedRows { get; }
}
