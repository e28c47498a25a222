namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A number as written; <paramref name="Suffix"/> is Spark's type suffix (L, S, Y, F, D, BD) or empty.</summary>
internal sealed record NumberLiteral(string Digits, string Suffix) : Expr;
