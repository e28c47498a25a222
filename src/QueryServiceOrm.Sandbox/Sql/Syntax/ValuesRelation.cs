namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record ValuesRelation(IReadOnlyList<IReadOnlyList<Expr>> Rows, RelationAlias? Alias) : Relation;
