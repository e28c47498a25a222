using Npgsql;

namespace QueryServiceOrm;

/// <summary>
/// The server refused or failed a statement. The message says what happened and what to do; <see cref="SqlState"/>
/// and <see cref="ServerMessage"/> keep what the server said, and the inner exception is Npgsql's.
/// </summary>
public class QueryServiceServerException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="advice">What happened and what to do.</param>
    /// <param name="error">The server's error.</param>
    public QueryServiceServerException(string advice, PostgresException error)
        : base($"{advice} (SQLSTATE {error?.SqlState}: {error?.MessageText})", error)
    {
        ArgumentNullException.ThrowIfNull(error);
        SqlState = error.SqlState;
        ServerMessage = error.MessageText;
    }

    /// <summary>The SQLSTATE the server sent, e.g. <c>42P01</c>.</summary>
    public string SqlState { get; }

    /// <summary>The server's own message text.</summary>
    public string ServerMessage { get; }
}

/// <summary>53400 for time: the statement ran past the service's 10 minute limit for interactive queries.</summary>
public sealed class QueryServiceTimeoutException(PostgresException error) : QueryServiceServerException(
    "The query ran longer than Query Service allows an interactive query (10 minutes). Narrow it, or run it as a CTAS " +
    "or through the Query Service REST API, which allows up to 24 hours.", error);

/// <summary>53400 for size: the statement asked for more than the service returns (a LIMIT above 100,000).</summary>
public sealed class QueryServiceLimitExceededException(PostgresException error) : QueryServiceServerException(
    "The query exceeded a Query Service limit (a LIMIT above 100,000 rows, for instance). Page with Skip/Take, " +
    "use WithoutRowLimit(), or write the result to a table with a CTAS.", error);

/// <summary>0A000: the statement uses something the service does not support.</summary>
public sealed class QueryServiceNotSupportedException(PostgresException error) : QueryServiceServerException(
    "Query Service does not support this statement or feature. Rewrite it with the documented SQL (Spark SQL functions; " +
    "no UPDATE, DELETE or transactions).", error);

/// <summary>28P01 or 28000: the password or token was refused.</summary>
public sealed class QueryServiceAuthenticationException(PostgresException error) : QueryServiceServerException(
    "Query Service refused the credentials: the token may have expired (24 hours by default) or the password is wrong. " +
    "Copy fresh credentials from the Credentials tab, or use OAuth server-to-server so tokens renew themselves.", error);

/// <summary>42501: the user may not do this (e.g. DROP a table this user did not create).</summary>
public sealed class QueryServicePermissionException(PostgresException error) : QueryServiceServerException(
    "Query Service does not allow this user to do that (only tables made by Query Service or by this user can be dropped; " +
    "non-expiring credentials may only SELECT by default). Ask an administrator for the permission.", error);

/// <summary>42P01: the table does not exist in this sandbox and database.</summary>
public sealed class QueryServiceTableNotFoundException(PostgresException error) : QueryServiceServerException(
    "The table does not exist in this sandbox (check the Database setting, e.g. prod:all, and the table name; " +
    "context.Database.GetTableNamesAsync() lists the tables).", error);

/// <summary>42601: the service could not parse the statement.</summary>
public sealed class QueryServiceSyntaxException(PostgresException error) : QueryServiceServerException(
    "Query Service could not parse the statement. If it came from LINQ, please report it with the SQL; " +
    "if it is raw SQL, check it against Query Service's Spark SQL syntax.", error);

/// <summary>58000: the service failed internally, often because a function is not defined.</summary>
public sealed class QueryServiceInternalException(PostgresException error) : QueryServiceServerException(
    "Query Service failed internally, often because a function it does not define was called. " +
    "Check the functions against the Spark SQL functions the service supports.", error);

/// <summary>"Session Limit Reached": every licensed session is in use.</summary>
public sealed class QueryServiceSessionLimitException(PostgresException error) : QueryServiceServerException(
    "Every Query Service session your licence allows is in use. Lower MaxPoolSize so this application queues instead, " +
    "or close other clients; reads are retried with backoff.", error);
