using Npgsql;

namespace QueryServiceOrm;

/// <summary>"Session Limit Reached": every licensed session is in use.</summary>
public sealed class QueryServiceSessionLimitException(PostgresException error) : QueryServiceServerException(
    "Every Query Service session your licence allows is in use. Lower MaxPoolSize so this application queues instead, " +
    "or close other clients; reads are retried with backoff.", error);
