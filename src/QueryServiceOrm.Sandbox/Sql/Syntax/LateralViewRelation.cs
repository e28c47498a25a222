namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>LATERAL VIEW [OUTER] generator(...) alias [AS columns]</c> applied to what comes before.</summary>
internal sealed record LateralViewRelation(
    Relation Source, CallExpr Generator, bool Outer, Identifier Alias, IReadOnlyList<Identifier> Columns) : Relation;
