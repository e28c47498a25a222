using System.Buffers.Text;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// One run of a scheduled query: the query it submitted through the same path as <c>POST /queries</c>, whose state is the
/// run's. Its id is Adobe's kind: the base64 of <c>manual__</c> (a triggered run) and the time it was made.
/// </summary>
internal sealed class ScheduleRun(string scheduleId, QueryJob job, DateTimeOffset created) : IRestListed
{
    public string Id { get; } = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        "manual__" + created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "+00:00"));

    public QueryJob Job => job;

    public DateTimeOffset Created => created;

    /// <summary>When its query's state last changed.</summary>
    public DateTimeOffset Updated => job.Updated;

    /// <summary>The run as a list shows it, or with its schedule's id and its task when <paramref name="detailed"/>.</summary>
    public ScheduleRunResource ToResource(string apiBaseUrl, bool detailed)
    {
        var query = job.ToResource(apiBaseUrl);
        var self = $"{apiBaseUrl}/schedules/{scheduleId}/runs/{Id}";
        var links = new Dictionary<string, LinkBody>(StringComparer.Ordinal) { ["self"] = new(self, "GET") };
        if (!QueryJobState.IsTerminal(query.State))
        {
            links["cancel"] = new(self, "PATCH", """{ "op": "cancel" }""");
        }

        IReadOnlyList<ScheduleRunTaskBody>? tasks = detailed ? [new(job.Id, query.State, Message(query), query.ElapsedTime / 1000)] : null;
        return new ScheduleRunResource(
            query.State, 1, Id, detailed ? scheduleId : null, "true", QueryJob.Timestamp(created), tasks, links);
    }

    private static string Message(QueryResource query)
        => query.Errors.Count > 0
            ? string.Join("; ", query.Errors.Select(e => $"{e.Code}: {e.Message}"))
            : query.State == QueryJobState.Success ? "Processed Successfully" : "";
}
