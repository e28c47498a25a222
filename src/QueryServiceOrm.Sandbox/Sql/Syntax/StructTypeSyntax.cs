namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record StructTypeSyntax(IReadOnlyList<(Identifier Name, DataTypeSyntax Type)> Fields) : DataTypeSyntax;
