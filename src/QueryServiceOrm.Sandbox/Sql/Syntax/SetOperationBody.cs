namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record SetOperationBody(QueryBody Left, string Operator, bool All, QueryBody Right) : QueryBody;
