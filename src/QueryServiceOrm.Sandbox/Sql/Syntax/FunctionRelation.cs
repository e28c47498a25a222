namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A table-valued function: <c>explode(...)</c>, <c>range(...)</c>, <c>inline(...)</c>.</summary>
internal sealed record FunctionRelation(CallExpr Call, bool Lateral, RelationAlias? Alias) : Relation;
