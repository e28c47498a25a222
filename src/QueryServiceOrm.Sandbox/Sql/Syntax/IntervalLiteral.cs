namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>INTERVAL ...</c>: each part a quantity (number or string) and a unit, or one string of several.</summary>
internal sealed record IntervalLiteral(IReadOnlyList<(string Quantity, string Unit)> Parts) : Expr;
