using System.Collections.Concurrent;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// The sandbox's scheduled queries. A schedule is registered at once (its creation answers REGISTERING, as Adobe's does;
/// every read after shows ENABLED) and never fires on its cron expression: its runs are the ones triggered through the
/// API, each a query of <see cref="QueryJobs"/>, run, logged and journalled like any other.
/// </summary>
internal sealed class ScheduledQueries(QueryJobs jobs, string userId)
{
    private readonly ConcurrentDictionary<string, ScheduledQuery> _schedules = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ScheduledQuery> All => (IReadOnlyCollection<ScheduledQuery>)_schedules.Values;

    public ScheduledQuery? Find(string id) => _schedules.GetValueOrDefault(id);

    public ScheduledQuery Create(QuerySubmission.Accepted query, ScheduleTimingBody timing)
    {
        var schedule = new ScheduledQuery(Guid.NewGuid().ToString("N"), query, timing, userId, DateTimeOffset.UtcNow);
        _schedules[schedule.Id] = schedule;
        return schedule;
    }

    public void Delete(ScheduledQuery schedule) => _schedules.TryRemove(schedule.Id, out _);

    /// <summary>Submits the schedule's query as a new run.</summary>
    public ScheduleRun Trigger(ScheduledQuery schedule)
    {
        var query = schedule.Query;
        return schedule.AddRun(jobs.Submit(query.Request, query.Sql, query.IsCtas, query.IsInsertInto));
    }
}
