namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>An ORDER BY item; a null <paramref name="NullsFirst"/> means Spark's default (first ascending, last descending).</summary>
internal sealed record SortItem(Expr Value, bool Descending, bool? NullsFirst) : Node;
