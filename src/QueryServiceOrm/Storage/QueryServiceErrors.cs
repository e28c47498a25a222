using Npgsql;

namespace QueryServiceOrm.Storage;

/// <summary>Turns the server's errors into the typed exceptions of this library, and tells which are worth retrying.</summary>
internal static class QueryServiceErrors
{
    // The library's own exceptions (an append's too, which EF wants as a DbUpdateException) already say what happened.
    public static Exception Translate(Exception exception)
        => exception.GetType().Assembly == typeof(QueryServiceErrors).Assembly
            ? exception
            : Find<PostgresException>(exception) is { } error ? TranslateServerError(error) : exception;

    public static bool IsSessionLimit(PostgresException error)
        => error.SqlState == PostgresErrorCodes.TooManyConnections
           || error.MessageText.Contains("Session Limit Reached", StringComparison.OrdinalIgnoreCase);

    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static QueryServiceServerException TranslateServerError(PostgresException error)
        => error switch
        {
            _ when IsSessionLimit(error) => new QueryServiceSessionLimitException(error),
            { SqlState: "53400" } when error.MessageText.Contains("timeout", StringComparison.OrdinalIgnoreCase)
                                       || error.MessageText.Contains("timed out", StringComparison.OrdinalIgnoreCase)
                => new QueryServiceTimeoutException(error),
            { SqlState: "53400" } => new QueryServiceLimitExceededException(error),
            { SqlState: PostgresErrorCodes.FeatureNotSupported } => new QueryServiceNotSupportedException(error),
            { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification }
                => new QueryServiceAuthenticationException(error),
            { SqlState: PostgresErrorCodes.InsufficientPrivilege } => new QueryServicePermissionException(error),
            { SqlState: PostgresErrorCodes.UndefinedTable } => new QueryServiceTableNotFoundException(error),
            { SqlState: PostgresErrorCodes.SyntaxError } => new QueryServiceSyntaxException(error),
            { SqlState: PostgresErrorCodes.SystemError } => new QueryServiceInternalException(error),
            _ => new QueryServiceServerException("Query Service refused the statement.", error),
        };
}
