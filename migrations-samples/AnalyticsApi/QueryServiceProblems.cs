using Microsoft.AspNetCore.Diagnostics;
using QueryServiceOrm;
using QueryServiceOrm.Update;

namespace AnalyticsApi;

/// <summary>
/// Query Service errors as RFC 9457 problem details: the status says whose problem it is (the caller's, the data's, or
/// the service's), the detail is the library's message (what happened and what to do; it never holds a secret), and the
/// SQLSTATE travels as an extension.
/// </summary>
/// <remarks>
/// The exception handler middleware does not log an exception a handler has handled, so each one is logged here, once,
/// as what it is: a 4xx is the caller's mistake, logged at Information without a stack trace; a 5xx is a fault, logged
/// at Error with it. Exceptions this does not map stay unhandled, and the middleware logs them at Error with the trace.
/// </remarks>
internal sealed partial class QueryServiceProblems(IProblemDetailsService problems, ILogger<QueryServiceProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            ArgumentException or QueryServiceRowLimitException => StatusCodes.Status400BadRequest,
            QueryServiceTableNotFoundException => StatusCodes.Status404NotFound,
            QueryServiceAppendOnlyException or QueryServiceServerException { SqlState: "42P07" } => StatusCodes.Status409Conflict,
            QueryServiceSessionLimitException => StatusCodes.Status503ServiceUnavailable,
            QueryServiceTimeoutException => StatusCodes.Status504GatewayTimeout,
            QueryServiceException => StatusCodes.Status502BadGateway,
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }

        Log(httpContext.Request, status, exception);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = exception is QueryServiceException ? "Query Service could not do this" : "The request is not valid",
                Detail = exception.Message,
                Extensions = { ["sqlState"] = (exception as QueryServiceServerException)?.SqlState },
            },
        });
    }

    private void Log(HttpRequest request, int status, Exception exception)
    {
        if (status < StatusCodes.Status500InternalServerError)
        {
            ClientError(request.Method, request.Path, status, exception.Message);
        }
        else
        {
            ServiceError(exception, request.Method, request.Path, status);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "{Method} {Path} answered {Status}: {Detail}")]
    private partial void ClientError(string method, PathString path, int status, string detail);

    [LoggerMessage(2, LogLevel.Error, "{Method} {Path} answered {Status}: Query Service failed.")]
    private partial void ServiceError(Exception exception, string method, PathString path, int status);
}
