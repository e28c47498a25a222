using Npgsql;

namespace QueryServiceOrm;

/// <summary>42501: the user may not do this (e.g. DROP a table this user did not create).</summary>
public sealed class QueryServicePermissionException(PostgresException error) : QueryServiceServerException(
    "Query Service does not allow this user to do that (only tables made by Query Service or by this user can be dropped; " +
    "non-expiring credentials may only SELECT by default). Ask an administrator for the permission.", error);
