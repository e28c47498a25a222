namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record CreateViewStatement(
    IReadOnlyList<Identifier> Name, bool OrReplace, bool Temporary, IReadOnlyList<Identifier> Columns, SqlQuery Query) : Statement;
