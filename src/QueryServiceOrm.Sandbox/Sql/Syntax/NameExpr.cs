namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A name path: <c>a</c>, <c>t.a</c>, <c>web.webPageDetails.name</c>. Which part is the table, the column and the fields
/// is decided when names are resolved.</summary>
internal sealed record NameExpr(IReadOnlyList<Identifier> Parts) : Expr;
