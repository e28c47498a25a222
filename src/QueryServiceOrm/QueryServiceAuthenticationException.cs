using Npgsql;

namespace QueryServiceOrm;

/// <summary>28P01 or 28000: the password or token was refused.</summary>
public sealed class QueryServiceAuthenticationException(PostgresException error) : QueryServiceServerException(
    "Query Service refused the credentials: the token may have expired (24 hours by default) or the password is wrong. " +
    "Copy fresh credentials from the Credentials tab, or use OAuth server-to-server so tokens renew themselves.", error);
