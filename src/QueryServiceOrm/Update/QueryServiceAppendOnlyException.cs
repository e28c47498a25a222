namespace QueryServiceOrm.Update;

/// <summary>
/// An operation the data lake cannot do (UPDATE, DELETE), refused before any SQL is sent.
/// </summary>
public sealed class QueryServiceAppendOnlyException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused, and what to do instead.</param>
    public QueryServiceAppendOnlyException(string message)
        : base(message)
    {
    }

    /// <summary>What to do instead, appended to every refusal.</summary>
    internal const string Alternatives =
        "Query Service datasets are append-only: there is no UPDATE or DELETE. To correct data, write a corrected dataset with "
        + "CreateTableAsAsync (CTAS) from a query that applies the change; profile datasets upsert on their primary identity, "
        + "so appending a row with the same identity replaces the profile's values.";
}
