using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>The body of <c>PATCH /queries/{id}</c>: <c>{"op": "cancel"}</c> or <c>{"op": "soft_delete"}</c>.</summary>
internal sealed record QueryPatchBody(string? Op);
