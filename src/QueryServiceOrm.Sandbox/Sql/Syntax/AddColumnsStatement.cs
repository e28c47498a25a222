namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record AddColumnsStatement(IReadOnlyList<Identifier> Table, IReadOnlyList<ColumnDefinition> Columns) : Statement;
