namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>The alias of a relation, with column aliases if given.</summary>
internal sealed record RelationAlias(Identifier Name, IReadOnlyList<Identifier> Columns);
