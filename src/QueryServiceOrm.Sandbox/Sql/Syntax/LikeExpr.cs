namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>
/// LIKE, ILIKE, RLIKE/REGEXP, with <c>ANY</c>/<c>ALL</c> over several patterns when <paramref name="Quantifier"/> is set.
/// </summary>
internal sealed record LikeExpr(
    string Kind, Expr Value, IReadOnlyList<Expr> Patterns, Expr? Escape, bool Negated, string? Quantifier) : Expr;
