using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>The <c>/schedules/{id}/runs</c> endpoints: trigger a run now, list a schedule's runs, read or cancel one.</summary>
internal static class ScheduleRunEndpoints
{
    private static readonly string[] Filterable = ["created", "state", "externalTrigger"];

    public static void Map(IEndpointRouteBuilder api, ScheduledQueries schedules)
    {
        api.MapPost("/schedules/{id}/runs", (HttpContext context, string id) =>
        {
            if (schedules.Find(id) is not { } schedule)
            {
                return ScheduleEndpoints.NotFound(id);
            }

            if (schedule.State == ScheduledQuery.Disabled)
            {
                return RestJson.Message(400, $"Schedule {id} is DISABLED: enable it (PATCH /state \"enable\") before triggering a run.");
            }

            context.Items[RestGateway.CreatedJobKey] = schedules.Trigger(schedule).Job.Id;
            return RestJson.Message(202, "Request to trigger run of a scheduled query accepted.");
        });

        api.MapGet("/schedules/{id}/runs", (HttpContext context, string id) =>
        {
            if (schedules.Find(id) is not { } schedule)
            {
                return ScheduleEndpoints.NotFound(id);
            }

            var apiBaseUrl = RestEndpoints.ApiBaseUrl(context.Request);
            var listUrl = $"{apiBaseUrl}/schedules/{id}/runs";
            var (page, error) = RestListing.Page(schedule.Runs, context.Request.Query, listUrl, Field, Filterable, RestListing.Comparisons);
            return page is null
                ? RestJson.Message(400, error!)
                : Results.Json(
                    new ScheduleRunPageBody([.. page.Items.Select(r => r.ToResource(apiBaseUrl, detailed: false))], page.Page, page.Links),
                    RestJson.Options);
        });

        api.MapGet("/schedules/{id}/runs/{runId}", (HttpContext context, string id, string runId)
            => schedules.Find(id)?.FindRun(runId) is { } run
                ? Results.Json(run.ToResource(RestEndpoints.ApiBaseUrl(context.Request), detailed: true), RestJson.Options)
                : RunNotFound(id, runId));

        api.MapMethods("/schedules/{id}/runs/{runId}", [HttpMethods.Patch], (string id, string runId, QueryPatchBody? body) =>
        {
            if (schedules.Find(id)?.FindRun(runId) is not { } run)
            {
                return RunNotFound(id, runId);
            }

            if (body?.Op != "cancel")
            {
                return RestJson.Message(400, """The body must be {"op": "cancel"}.""");
            }

            return run.Job.RequestCancel()
                ? RestJson.Message(202, "Request to cancel run of a scheduled query accepted")
                : RestJson.Message(400, $"Run {runId} has ended ({run.Job.State}); there is nothing to cancel.");
        });
    }

    private static IResult RunNotFound(string id, string runId)
        => RestJson.Message(404, $"Run {runId} of schedule {id} was not found in this sandbox.");

    private static string? Field(ScheduleRun run, string name)
        => name switch
        {
            "created" => QueryJob.Timestamp(run.Created),
            "updated" => QueryJob.Timestamp(run.Updated),
            "state" => run.Job.State,
            "externalTrigger" => "true",
            "id" => run.Id,
            _ => null,
        };
}
