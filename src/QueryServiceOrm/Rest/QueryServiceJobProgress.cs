namespace QueryServiceOrm.Rest;

/// <summary>What a poll of a job saw, reported to <see cref="QueryServiceJob.WaitAsync"/>'s progress.</summary>
/// <param name="JobId">The query's id.</param>
/// <param name="State">Its state at that poll.</param>
/// <param name="Polls">How many polls the wait has made (0 for the state it started from).</param>
/// <param name="Waited">How long the wait has been going.</param>
/// <param name="Elapsed">How long the query has run, as the service reports it.</param>
/// <param name="RowCount">The rows written, once it has succeeded.</param>
public sealed record QueryServiceJobProgress(
    string JobId, QueryServiceJobState State, int Polls, TimeSpan Waited, TimeSpan Elapsed, long RowCount);
