namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record WindowDefinition(Identifier Name, WindowSpec Spec) : Node;
