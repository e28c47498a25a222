using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>One scheduled query: the query its runs submit, its cron schedule, whether it is enabled, and its runs.</summary>
internal sealed class ScheduledQuery(
    string id, QuerySubmission.Accepted query, ScheduleTimingBody timing, string userId, DateTimeOffset created) : IRestListed
{
    public const string Registering = "REGISTERING";
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";

    private readonly object _gate = new();
    private readonly List<ScheduleRun> _runs = [];
    private bool _enabled = true;
    private DateTimeOffset _updated = created;
    private DateTimeOffset _lastRun = created;

    public string Id => id;

    /// <summary>What each run submits, checked as <c>POST /queries</c> checks a query.</summary>
    public QuerySubmission.Accepted Query => query;

    public string UserId => userId;

    public DateTimeOffset Created { get; } = created;

    public string State
    {
        get
        {
            lock (_gate)
            {
                return _enabled ? Enabled : Disabled;
            }
        }
    }

    public DateTimeOffset Updated
    {
        get
        {
            lock (_gate)
            {
                return _updated;
            }
        }
    }

    public IReadOnlyList<ScheduleRun> Runs
    {
        get
        {
            lock (_gate)
            {
                return [.. _runs];
            }
        }
    }

    public ScheduleRun? FindRun(string runId) => Runs.FirstOrDefault(r => r.Id == runId);

    public void SetEnabled(bool enabled)
    {
        lock (_gate)
        {
            _enabled = enabled;
            _updated = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Records a run of the query <paramref name="job"/> runs.</summary>
    public ScheduleRun AddRun(QueryJob job)
    {
        lock (_gate)
        {
            // Distinct times: a run's id is made of its time.
            var now = DateTimeOffset.UtcNow;
            _lastRun = now > _lastRun ? now : _lastRun.AddTicks(1);
            var run = new ScheduleRun(id, job, _lastRun);
            _runs.Add(run);
            return run;
        }
    }

    /// <param name="apiBaseUrl">The API's base address, for the links.</param>
    /// <param name="state">The state to show in place of the schedule's own (a creation answers REGISTERING).</param>
    public ScheduleResource ToResource(string apiBaseUrl, string? state = null)
    {
        var self = $"{apiBaseUrl}/schedules/{id}";
        var links = new Dictionary<string, LinkBody>(StringComparer.Ordinal)
        {
            ["enable"] = new(self, "PATCH", """{ "op": "enable" }"""),
            ["runs"] = new(self + "/runs", "GET"),
            ["self"] = new(self, "GET"),
            ["delete"] = new(self, "DELETE"),
            ["disable"] = new(self, "PATCH", """{ "op": "disable" }"""),
            ["trigger"] = new(self + "/runs", "POST"),
        };
        return new ScheduleResource(
            state ?? State, query.Request, userId, 2, id, EpochMilliseconds(Updated), timing, userId, EpochMilliseconds(Created), links);
    }

    private static string EpochMilliseconds(DateTimeOffset time)
        => time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
