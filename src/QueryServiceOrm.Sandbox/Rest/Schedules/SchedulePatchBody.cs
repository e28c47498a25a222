namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// The body of <c>PATCH /schedules/{id}</c>: JSON Patch operations under <c>body</c>, as Adobe's reference sends them, or
/// the <c>{"op": "enable"}</c> form the schedule's own <c>enable</c> and <c>disable</c> links carry.
/// </summary>
internal sealed record SchedulePatchBody(string? Op, IReadOnlyList<JsonPatchOperationBody>? Body);
