namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record SelectBody(
    bool Distinct,
    IReadOnlyList<SelectItem> Items,
    IReadOnlyList<Relation> From,
    Expr? Where,
    GroupBy? GroupBy,
    Expr? Having,
    IReadOnlyList<WindowDefinition> Windows) : QueryBody;
