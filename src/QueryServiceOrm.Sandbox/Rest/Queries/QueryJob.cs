namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>One submitted query: what was asked, the SQL it runs, and where it stands. Its state only moves forward.</summary>
internal sealed class QueryJob : IRestListed
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private string _state = QueryJobState.Submitted;
    private DateTimeOffset _updated;
    private DateTimeOffset? _started;
    private DateTimeOffset? _ended;
    private long _rowCount;
    private IReadOnlyList<QueryErrorBody> _errors = [];

    public QueryJob(
        string id, QueryResourceRequest request, string sql, bool isCtas, bool isInsertInto, string userId, DateTimeOffset created)
    {
        Id = id;
        Request = request;
        Sql = sql;
        IsCtas = isCtas;
        IsInsertInto = isInsertInto;
        UserId = userId;
        Created = created;
        _updated = created;
    }

    public string Id { get; }

    public QueryResourceRequest Request { get; }

    /// <summary>The statement that runs: the submitted SQL with its parameters, made a CTAS or an INSERT INTO if asked.</summary>
    public string Sql { get; }

    public bool IsCtas { get; }

    public bool IsInsertInto { get; }

    public string UserId { get; }

    public DateTimeOffset Created { get; }

    public bool SoftDeleted { get; private set; }

    /// <summary>Cancelled when a client cancels the query.</summary>
    public CancellationToken Cancellation => _cancel.Token;

    public string State
    {
        get
        {
            lock (_gate)
            {
                return _state;
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

    public void Start() => Move(QueryJobState.InProgress, rowCount: 0, errors: []);

    public void Succeed(long rowCount) => Move(QueryJobState.Success, rowCount, errors: []);

    public void Fail(QueryErrorBody error) => Move(QueryJobState.Failed, rowCount: 0, errors: [error]);

    public void Kill() => Move(QueryJobState.Killed, rowCount: 0, errors: []);

    /// <summary>Asks the running statement to stop; false when the query has ended already.</summary>
    public bool RequestCancel()
    {
        if (QueryJobState.IsTerminal(State))
        {
            return false;
        }

        _cancel.Cancel();
        return true;
    }

    public void SoftDelete()
    {
        lock (_gate)
        {
            SoftDeleted = true;
            _updated = DateTimeOffset.UtcNow;
        }
    }

    public QueryResource ToResource(string apiBaseUrl)
    {
        lock (_gate)
        {
            var self = $"{apiBaseUrl}/queries/{Id}";
            var links = new Dictionary<string, LinkBody>(StringComparer.Ordinal)
            {
                ["self"] = new(self, "GET"),
                ["soft_delete"] = new(self, "PATCH", """{ "op": "soft_delete"}"""),
            };
            if (!QueryJobState.IsTerminal(_state))
            {
                links["cancel"] = new(self, "PATCH", """{ "op": "cancel"}""");
            }

            var elapsed = _started is { } started ? (long)((_ended ?? DateTimeOffset.UtcNow) - started).TotalMilliseconds : 0;
            return new QueryResource(
                Id, _state, Request, _rowCount, _errors, IsCtas, IsInsertInto, elapsed, Timestamp(Created), Timestamp(_updated), "API",
                UserId, 1, links);
        }
    }

    /// <summary>The API's timestamps: UTC, milliseconds, a Z.</summary>
    public static string Timestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void Move(string state, long rowCount, IReadOnlyList<QueryErrorBody> errors)
    {
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            _state = state;
            _rowCount = rowCount;
            _errors = errors;
            _updated = now;
            if (state == QueryJobState.InProgress)
            {
                _started = now;
            }
            else if (QueryJobState.IsTerminal(state))
            {
                _started ??= now;
                _ended = now;
            }
        }
    }
}
