namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>ALTER TABLE t ADD|DROP CONSTRAINT PRIMARY KEY (c) NAMESPACE 'ns'</c> and the identity forms.</summary>
internal sealed record ConstraintStatement(
    IReadOnlyList<Identifier> Table, bool Add, string Kind, IReadOnlyList<Identifier> Columns, string? Namespace) : Statement;
