namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record SubqueryRelation(SqlQuery Query, bool Lateral, RelationAlias? Alias) : Relation;
