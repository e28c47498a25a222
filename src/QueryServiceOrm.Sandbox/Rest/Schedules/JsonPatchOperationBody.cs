namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>One JSON Patch operation, e.g. <c>{"op": "replace", "path": "/state", "value": "disable"}</c>.</summary>
internal sealed record JsonPatchOperationBody(string? Op, string? Path, string? Value);
