using Npgsql;

namespace QueryServiceOrm;

/// <summary>42P01: the table does not exist in this sandbox and database.</summary>
public sealed class QueryServiceTableNotFoundException(PostgresException error) : QueryServiceServerException(
    "The table does not exist in this sandbox (check the Database setting, e.g. prod:all, and the table name; " +
    "context.Database.GetTableNamesAsync() lists the tables).", error);
