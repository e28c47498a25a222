namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>EXECUTE name(arguments)</c>.</summary>
internal sealed record ExecuteStatement(Identifier Name, IReadOnlyList<Expr> Arguments) : Statement;
