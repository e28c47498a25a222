using Npgsql;

namespace QueryServiceOrm;

/// <summary>42601: the service could not parse the statement.</summary>
public sealed class QueryServiceSyntaxException(PostgresException error) : QueryServiceServerException(
    "Query Service could not parse the statement. If it came from LINQ, please report it with the SQL; " +
    "if it is raw SQL, check it against Query Service's Spark SQL syntax.", error);
