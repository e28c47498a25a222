namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A data type as written: <c>int</c>, <c>decimal(10,2)</c>, <c>ARRAY&lt;t&gt;</c>, <c>MAP&lt;k, v&gt;</c>,
/// <c>STRUCT&lt;a: t&gt;</c>, <c>ROW(a t, ...)</c>.</summary>
internal abstract record DataTypeSyntax : Node;
