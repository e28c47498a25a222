using Npgsql;

namespace QueryServiceOrm;

/// <summary>0A000: the statement uses something the service does not support.</summary>
public sealed class QueryServiceNotSupportedException(PostgresException error) : QueryServiceServerException(
    "Query Service does not support this statement or feature. Rewrite it with the documented SQL (Spark SQL functions; " +
    "no UPDATE, DELETE or transactions).", error);
