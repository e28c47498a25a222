using Npgsql;

namespace QueryServiceOrm;

/// <summary>58000: the service failed internally, often because a function is not defined.</summary>
public sealed class QueryServiceInternalException(PostgresException error) : QueryServiceServerException(
    "Query Service failed internally, often because a function it does not define was called. " +
    "Check the functions against the Spark SQL functions the service supports.", error);
