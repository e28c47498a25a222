namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record CommonTableExpression(Identifier Name, IReadOnlyList<Identifier> Columns, SqlQuery Query) : Node;
