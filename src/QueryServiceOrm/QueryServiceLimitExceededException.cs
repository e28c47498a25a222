using Npgsql;

namespace QueryServiceOrm;

/// <summary>53400 for size: the statement asked for more than the service returns (a LIMIT above 100,000).</summary>
public sealed class QueryServiceLimitExceededException(PostgresException error) : QueryServiceServerException(
    "The query exceeded a Query Service limit (a LIMIT above 100,000 rows, for instance). Page with Skip/Take, " +
    "use WithoutRowLimit(), or write the result to a table with a CTAS.", error);
