namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>CREATE [TEMP] TABLE t [WITH (options)] AS query</c>.</summary>
internal sealed record CreateTableAsStatement(
    IReadOnlyList<Identifier> Table, bool IfNotExists, bool Temporary, IReadOnlyList<(string Key, string Value)> Options,
    SqlQuery Query) : Statement;
