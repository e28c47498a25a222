namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>DROP TABLE|VIEW|SCHEMA|DATABASE [IF EXISTS] name [CASCADE]</c>.</summary>
internal sealed record DropStatement(string Kind, IReadOnlyList<Identifier> Name, bool IfExists, bool Cascade) : Statement;
