namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal abstract record GroupingElement : Node;
