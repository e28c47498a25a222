using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>Small helpers on translated values.</summary>
internal static class TypedSqlChecks
{
    /// <summary>A typed literal whose text does not parse is a syntax error in Spark, not a NULL: checked when it runs.</summary>
    public static TypedSql Checked(this TypedSql value, TypedLiteral literal, string type)
        => value with { Text = PgSql.Call("checked", value.Text, PgSql.Literal($"Cannot parse the {type} value: {literal.Value}")) };
}
