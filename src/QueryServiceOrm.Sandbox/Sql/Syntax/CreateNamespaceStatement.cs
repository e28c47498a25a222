namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>CREATE SCHEMA|DATABASE [IF NOT EXISTS] name</c>.</summary>
internal sealed record CreateNamespaceStatement(string Kind, IReadOnlyList<Identifier> Name, bool IfNotExists) : Statement;
