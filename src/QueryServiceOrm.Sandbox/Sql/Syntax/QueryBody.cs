namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal abstract record QueryBody : Node;
