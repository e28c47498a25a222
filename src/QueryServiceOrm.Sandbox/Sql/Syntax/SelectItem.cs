namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>One select item: an expression with an optional alias (or several, for generators: <c>AS (pos, value)</c>).</summary>
internal sealed record SelectItem(Expr Value, IReadOnlyList<Identifier> Aliases) : Node;
