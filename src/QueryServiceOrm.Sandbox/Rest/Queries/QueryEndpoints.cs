using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QueryServiceOrm.Sandbox.Rest.Templates;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>The <c>/queries</c> endpoints: submit, list, read, cancel or soft-delete a query.</summary>
internal static class QueryEndpoints
{
    public static void Map(IEndpointRouteBuilder api, QueryJobs jobs, RestSettings settings, QueryTemplates templates)
    {
        api.MapPost("/queries", (HttpContext context, QueryRequestBody? body) =>
        {
            var (accepted, error) = QuerySubmission.Read(body, settings.SandboxName, templates);
            if (accepted is null)
            {
                return RestJson.Message(400, error!);
            }

            var job = jobs.Submit(accepted.Request, accepted.Sql, accepted.IsCtas, accepted.IsInsertInto);
            context.Items[RestGateway.CreatedJobKey] = job.Id;
            return Results.Json(job.ToResource(RestEndpoints.ApiBaseUrl(context.Request)), RestJson.Options, statusCode: 202);
        });

        api.MapGet("/queries", (HttpContext context) =>
        {
            var (page, error) = QueryListing.List(jobs.All, context.Request.Query, RestEndpoints.ApiBaseUrl(context.Request));
            return page is null ? RestJson.Message(400, error!) : Results.Json(page, RestJson.Options);
        });

        api.MapGet("/queries/{id}", (HttpContext context, string id)
            => jobs.Find(id) is { } job
                ? Results.Json(job.ToResource(RestEndpoints.ApiBaseUrl(context.Request)), RestJson.Options)
                : NotFound(id));

        api.MapMethods("/queries/{id}", [HttpMethods.Patch], (string id, QueryPatchBody? body) =>
        {
            if (jobs.Find(id) is not { } job)
            {
                return NotFound(id);
            }

            switch (body?.Op)
            {
                case "cancel":
                    return job.RequestCancel()
                        ? RestJson.Message(202, "Query cancel request received")
                        : RestJson.Message(400, $"Query {id} has ended ({job.State}); there is nothing to cancel.");
                case "soft_delete":
                    job.SoftDelete();
                    return RestJson.Message(202, "Query soft delete request received");
                default:
                    return RestJson.Message(400, "op must be \"cancel\" or \"soft_delete\".");
            }
        });
    }

    private static IResult NotFound(string id) => RestJson.Message(404, $"Query {id} was not found in this sandbox.");
}
