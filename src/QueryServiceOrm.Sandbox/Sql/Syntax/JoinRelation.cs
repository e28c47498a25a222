namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record JoinRelation(
    Relation Left, string Kind, Relation Right, Expr? On, IReadOnlyList<Identifier>? Using, bool Natural) : Relation;
