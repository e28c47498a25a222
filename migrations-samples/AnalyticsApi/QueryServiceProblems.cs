using Microsoft.AspNetCore.Diagnostics;
using QueryServiceOrm;
using QueryServiceOrm.Update;

namespace AnalyticsApi;

/// <summary>
/// Query Service errors as RFC 9457 problem details: the status says whose problem it is (the caller's, the data's, or
/// the service's), the detail is the library's message (what happened and what to do; it never holds a secret), and the
/// SQLSTATE travels as an extension.
/// </summary>
internal sealed class QueryServiceProblems(IProblemDetailsService problems) : IExceptionHandler
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
}
