namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>INSERT INTO t [(cols)] SELECT ...</c>.</summary>
internal sealed record InsertStatement(IReadOnlyList<Identifier> Table, IReadOnlyList<Identifier>? Columns, SqlQuery Source) : Statement;
