namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A field of a struct, where the base is not a plain name: <c>f(x).a</c>, <c>arr[0].b</c>.</summary>
internal sealed record FieldExpr(Expr Base, Identifier Field) : Expr;
