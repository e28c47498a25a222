namespace QueryServiceOrm.Rest;

/// <summary>One task of a run of a scheduled query.</summary>
/// <param name="TaskId">The task's id (the sandbox's is the id of the query the run submitted, under <c>/queries</c>).</param>
/// <param name="State">Where it stands.</param>
/// <param name="Message">The service's message, e.g. why it failed.</param>
/// <param name="Duration">How long it ran, in seconds.</param>
public sealed record QueryServiceScheduleRunTask(string? TaskId, QueryServiceJobState State, string? Message, long? Duration);
