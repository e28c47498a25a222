namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>TABLE t</c>.</summary>
internal sealed record TableBody(IReadOnlyList<Identifier> Name) : QueryBody;
