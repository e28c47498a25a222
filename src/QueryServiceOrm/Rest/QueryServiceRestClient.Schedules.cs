namespace QueryServiceOrm.Rest;

// The /schedules endpoints: scheduled queries and their runs.
public sealed partial class QueryServiceRestClient
{
    /// <summary>
    /// Creates a scheduled query (<c>POST /schedules</c>), in <see cref="QueryServiceRestOptions.Database"/> unless its query
    /// names a database. The service answers <c>REGISTERING</c>; the schedule is <c>ENABLED</c> once registered.
    /// </summary>
    /// <param name="request">The query each run submits, and its cron schedule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schedule as accepted.</returns>
    /// <exception cref="QueryServiceRestException">The API refused it, e.g. for an invalid cron expression.</exception>
    public Task<QueryServiceSchedule> CreateScheduleAsync(
        QueryServiceScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Query);
        ArgumentNullException.ThrowIfNull(request.Schedule);
        var body = request.Query.DbName is null ? request with { Query = request.Query with { DbName = Options.Database } } : request;
        var json = QueryServiceScheduleJsonContext.Default;
        return SendAsync(
            HttpMethod.Post, "schedules", Json(body, json.QueryServiceScheduleRequest), json.QueryServiceSchedule, cancellationToken);
    }

    /// <summary>Reads a scheduled query (<c>GET /schedules/{id}</c>).</summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceSchedule> GetScheduleAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get, SchedulePath(id), null, QueryServiceScheduleJsonContext.Default.QueryServiceSchedule, cancellationToken);

    /// <summary>
    /// Lists one page of scheduled queries (<c>GET /schedules</c>); the next starts at <see cref="QueryServicePage.NextStart"/>.
    /// </summary>
    /// <param name="options">Order, page size, start and filters; the API's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceSchedulePage> ListSchedulesAsync(
        QueryServiceScheduleListOptions? options = null, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get, "schedules" + (options ?? new()).ToQueryString(), null,
            QueryServiceScheduleJsonContext.Default.QueryServiceSchedulePage, cancellationToken);

    /// <summary>Enables a scheduled query (<c>PATCH /schedules/{id}</c>, <c>/state</c> to <c>enable</c>).</summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task EnableScheduleAsync(string id, CancellationToken cancellationToken = default)
        => PatchScheduleStateAsync(id, "enable", cancellationToken);

    /// <summary>Disables a scheduled query (<c>PATCH /schedules/{id}</c>, <c>/state</c> to <c>disable</c>): it runs no more.</summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DisableScheduleAsync(string id, CancellationToken cancellationToken = default)
        => PatchScheduleStateAsync(id, "disable", cancellationToken);

    /// <summary>Deletes a scheduled query (<c>DELETE /schedules/{id}</c>). The service deletes only a disabled one.</summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="QueryServiceRestException">The API refused (disable the schedule first).</exception>
    public Task DeleteScheduleAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Delete, SchedulePath(id), null, QueryServiceRestJsonContext.Default.ErrorBody, cancellationToken);

    /// <summary>
    /// Triggers a run of a scheduled query now (<c>POST /schedules/{id}/runs</c>). The API answers with no run id: find the
    /// run with <see cref="ListScheduleRunsAsync"/>.
    /// </summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task TriggerScheduleRunAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Post, SchedulePath(id) + "/runs", null, QueryServiceRestJsonContext.Default.ErrorBody, cancellationToken);

    /// <summary>Lists one page of a scheduled query's runs (<c>GET /schedules/{id}/runs</c>).</summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="options">Order, page size, start and filters; the API's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceScheduleRunPage> ListScheduleRunsAsync(
        string id, QueryServiceScheduleListOptions? options = null, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get, SchedulePath(id) + "/runs" + (options ?? new()).ToQueryString(), null,
            QueryServiceScheduleJsonContext.Default.QueryServiceScheduleRunPage, cancellationToken);

    /// <summary>Reads one run of a scheduled query, with its tasks (<c>GET /schedules/{id}/runs/{runId}</c>).</summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceScheduleRun> GetScheduleRunAsync(string id, string runId, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get, RunPath(id, runId), null,
            QueryServiceScheduleJsonContext.Default.QueryServiceScheduleRun, cancellationToken);

    /// <summary>
    /// Asks the service to stop a run of a scheduled query (<c>PATCH /schedules/{id}/runs/{runId}</c> with
    /// <c>{"op": "cancel"}</c>); it ends soon after.
    /// </summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="QueryServiceRestException">The API refused (a run that has ended cannot be cancelled).</exception>
    public Task CancelScheduleRunAsync(string id, string runId, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Patch, RunPath(id, runId),
            Json(new PatchOperation("cancel"), QueryServiceRestJsonContext.Default.PatchOperation),
            QueryServiceRestJsonContext.Default.ErrorBody, cancellationToken);

    private Task PatchScheduleStateAsync(string id, string value, CancellationToken cancellationToken)
    {
        var patch = new SchedulePatch([new JsonPatchOperation("replace", "/state", value)]);
        return SendAsync(
            HttpMethod.Patch, SchedulePath(id), Json(patch, QueryServiceScheduleJsonContext.Default.SchedulePatch),
            QueryServiceRestJsonContext.Default.ErrorBody, cancellationToken);
    }

    private static string SchedulePath(string id) => "schedules/" + Uri.EscapeDataString(Id(id));

    private static string RunPath(string id, string runId) => SchedulePath(id) + "/runs/" + Uri.EscapeDataString(Id(runId));

    /// <summary>The JSON Patch body of <c>PATCH /schedules/{id}</c>, under <c>body</c> as Adobe's reference shows.</summary>
    internal sealed record SchedulePatch(IReadOnlyList<JsonPatchOperation> Body);

    internal sealed record JsonPatchOperation(string Op, string Path, string Value);
}
