namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>CREATE [TEMP] TABLE [IF NOT EXISTS] t (columns) [WITH (options)]</c>.</summary>
internal sealed record CreateTableStatement(
    IReadOnlyList<Identifier> Table, bool IfNotExists, bool Temporary, IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<(string Key, string Value)> Options)
    : Statement;
