using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QueryServiceOrm.Sandbox.Rest.Queries;
using QueryServiceOrm.Sandbox.Rest.Templates;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>The <c>/schedules</c> endpoints: create, list, read, enable or disable, and delete a scheduled query.</summary>
internal static class ScheduleEndpoints
{
    private static readonly string[] Filterable = ["created", "templateId", "userId"];

    public static void Map(IEndpointRouteBuilder api, QueryJobs jobs, RestSettings settings, QueryTemplates templates)
    {
        var schedules = new ScheduledQueries(jobs, settings.OrganizationId + "@AdobeOrg");
        api.MapPost("/schedules", (HttpContext context, ScheduleRequestBody? body)
            => Create(context, schedules, settings, templates, body));

        api.MapGet("/schedules", (HttpContext context) =>
        {
            var apiBaseUrl = RestEndpoints.ApiBaseUrl(context.Request);
            var (page, error) = RestListing.Page(
                schedules.All, context.Request.Query, apiBaseUrl + "/schedules", Field, Filterable, RestListing.Comparisons);
            return page is null
                ? RestJson.Message(400, error!)
                : Results.Json(
                    new SchedulePageBody([.. page.Items.Select(s => s.ToResource(apiBaseUrl))], page.Page, page.Links), RestJson.Options);
        });

        api.MapGet("/schedules/{id}", (HttpContext context, string id)
            => schedules.Find(id) is { } schedule
                ? Results.Json(schedule.ToResource(RestEndpoints.ApiBaseUrl(context.Request)), RestJson.Options)
                : NotFound(id));

        api.MapMethods("/schedules/{id}", [HttpMethods.Patch], (string id, SchedulePatchBody? body)
            => schedules.Find(id) is { } schedule ? Patch(schedule, body) : NotFound(id));

        api.MapDelete("/schedules/{id}", (string id) =>
        {
            if (schedules.Find(id) is not { } schedule)
            {
                return NotFound(id);
            }

            if (schedule.State != ScheduledQuery.Disabled)
            {
                return RestJson.Message(
                    400, $"Schedule {id} is {schedule.State}: disable it (PATCH /state \"disable\") before deleting it.");
            }

            schedules.Delete(schedule);
            return RestJson.Message(202, "Schedule deleted successfully");
        });

        ScheduleRunEndpoints.Map(api, schedules);
    }

    public static IResult NotFound(string id) => RestJson.Message(404, $"Schedule {id} was not found in this sandbox.");

    private static IResult Create(
        HttpContext context, ScheduledQueries schedules, RestSettings settings, QueryTemplates templates, ScheduleRequestBody? body)
    {
        if (body?.Query is null || body.Schedule is null)
        {
            return RestJson.Message(
                400, "The body must be a JSON object with query (dbName, sql, name) and schedule (schedule: a cron expression).");
        }

        var (accepted, error) = QuerySubmission.Read(body.Query, settings.SandboxName, templates);
        if (accepted is null)
        {
            return RestJson.Message(400, "query: " + error);
        }

        if (CronExpression.Check(body.Schedule.Schedule) is { } cronError)
        {
            return RestJson.Message(400, cronError);
        }

        if (Timing(body.Schedule) is not { } timing)
        {
            return RestJson.Message(
                400, "schedule.startDate must be a UTC timestamp, e.g. 2026-01-01T00:00:00.000Z, and maxActiveRuns at least 1.");
        }

        var schedule = schedules.Create(accepted, timing);
        var resource = schedule.ToResource(RestEndpoints.ApiBaseUrl(context.Request), ScheduledQuery.Registering);
        return Results.Json(resource, RestJson.Options, statusCode: 202);
    }

    // The schedule as kept: the start defaults to now, and one active run at a time, as the service's answers show.
    private static ScheduleTimingBody? Timing(ScheduleTimingBody requested)
    {
        var start = DateTimeOffset.UtcNow;
        var readable = requested.StartDate is not { } text
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start);
        return !readable || requested.MaxActiveRuns is < 1
            ? null
            : requested with { StartDate = QueryJob.Timestamp(start), MaxActiveRuns = requested.MaxActiveRuns ?? 1 };
    }

    // Adobe's reference documents the JSON Patch form; the schedule's own enable and disable links carry {"op": "..."}.
    private static IResult Patch(ScheduledQuery schedule, SchedulePatchBody? body)
    {
        var op = body?.Op ?? (body?.Body is [{ Op: "replace", Path: "/state" } operation] ? operation.Value : null);
        if (op is not ("enable" or "disable"))
        {
            return RestJson.Message(
                400,
                """The body must be {"body": [{"op": "replace", "path": "/state", "value": "enable" or "disable"}]}. """
                + "Changing the cron expression (/schedule/schedule) is not emulated: delete the schedule and create it again.");
        }

        schedule.SetEnabled(op == "enable");
        return RestJson.Message(202, "Request to patch accepted");
    }

    private static string? Field(ScheduledQuery schedule, string name)
        => name switch
        {
            "created" => QueryJob.Timestamp(schedule.Created),
            "updated" => QueryJob.Timestamp(schedule.Updated),
            "userId" => schedule.UserId,
            "id" => schedule.Id,
            _ => null,
        };
}
