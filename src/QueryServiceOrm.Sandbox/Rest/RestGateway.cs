using Microsoft.AspNetCore.Http;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// What Adobe's API gateway does before a request reaches the API: injected faults first (a 429 or 503 that the API never
/// sees), then the four headers every call needs. Each request is logged with the status it got.
/// </summary>
internal sealed class RestGateway(RestSettings settings, RestFaults faults, RestRequestLog log)
{
    /// <summary>The key under which an endpoint leaves the job it created, for the log.</summary>
    public const string CreatedJobKey = "qsorm.job";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var arrived = DateTimeOffset.UtcNow;
        var request = context.Request;
        var path = request.Path.Value + request.QueryString.Value;
        string outcome;
        if (faults.Match(request.Method, request.Path.Value ?? "") is { } fault)
        {
            if (fault.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await RestJson.Message((int)fault.StatusCode, "The sandbox injected this failure (QueryServiceSandbox.FailRest).")
                .ExecuteAsync(context)
                .ConfigureAwait(false);
            outcome = "fault";
        }
        else if (request.Path.StartsWithSegments(RestEndpoints.ApiBase) && Refusal(request) is { } refusal)
        {
            await refusal.ExecuteAsync(context).ConfigureAwait(false);
            outcome = "refused";
        }
        else
        {
            await next(context).ConfigureAwait(false);
            outcome = context.Items.ContainsKey(CreatedJobKey) ? "created" : "served";
        }

        log.Record(new RestLogEntry(
            arrived, request.Method, path, context.Response.StatusCode, outcome, context.Items[CreatedJobKey] as string));
    }

    // The gateway's own codes for these refusals are not documented; the statuses are the ones Adobe's APIs answer with.
    private IResult? Refusal(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !settings.Tokens.Accepts(authorization["Bearer ".Length..]))
        {
            return RestJson.GatewayError(
                401, "401013", "Oauth token is not valid: it is missing, expired or replaced. Ask the token endpoint for a new one.");
        }

        if (!string.Equals(request.Headers["x-api-key"], settings.ClientId, StringComparison.Ordinal))
        {
            return RestJson.GatewayError(403, "403000", "Api Key is invalid: send the OAuth credential's client id as x-api-key.");
        }

        if (!string.Equals(request.Headers["x-gw-ims-org-id"], settings.OrganizationId + "@AdobeOrg", StringComparison.Ordinal))
        {
            return RestJson.GatewayError(403, "403003", "x-gw-ims-org-id is missing or names another organisation (ORGID@AdobeOrg).");
        }

        return string.Equals(request.Headers["x-sandbox-name"], settings.SandboxName, StringComparison.Ordinal)
            ? null
            : RestJson.GatewayError(403, "403027", $"x-sandbox-name is missing or names a sandbox other than '{settings.SandboxName}'.");
    }
}
