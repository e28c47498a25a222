namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record MapTypeSyntax(DataTypeSyntax Key, DataTypeSyntax Value) : DataTypeSyntax;
