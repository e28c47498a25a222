namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>VALUES (...), (...)</c> used as a query.</summary>
internal sealed record ValuesBody(IReadOnlyList<IReadOnlyList<Expr>> Rows) : QueryBody;
