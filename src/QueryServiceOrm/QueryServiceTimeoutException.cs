using Npgsql;

namespace QueryServiceOrm;

/// <summary>53400 for time: the statement ran past the service's 10 minute limit for interactive queries.</summary>
public sealed class QueryServiceTimeoutException(PostgresException error) : QueryServiceServerException(
    "The query ran longer than Query Service allows an interactive query (10 minutes). Narrow it, or run it as a CTAS " +
    "or through the Query Service REST API, which allows up to 24 hours.", error);
