namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record ArrayTypeSyntax(DataTypeSyntax Element) : DataTypeSyntax;
