namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record PrimitiveTypeSyntax(string Name, IReadOnlyList<int> Arguments) : DataTypeSyntax;
