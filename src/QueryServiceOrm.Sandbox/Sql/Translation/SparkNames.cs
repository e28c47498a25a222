using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// The name Spark gives a select item without an alias: a column's or field's own name, and for anything else the
/// expression written back as SQL (<c>count(1)</c>, <c>(a + b)</c>, <c>upper(name)</c>), close to Spark's toPrettySQL.
/// </summary>
internal static class SparkNames
{
    public static string Of(Expr expression)
        => expression switch
        {
            NameExpr name => name.Parts[^1].Value,
            FieldExpr field => field.Field.Value,
            _ => Sql(expression),
        };

    private static string Sql(Expr e)
        => e switch
        {
            NullLiteral => "NULL",
            BooleanLiteral b => b.Value ? "true" : "false",
            NumberLiteral n => n.Digits + n.Suffix,
            StringLiteral s => s.Value,
            TypedLiteral t => $"{t.TypeName} '{t.Value}'",
            IntervalLiteral i => "INTERVAL '" + string.Join(" ", i.Parts.Select(p => $"{p.Quantity} {p.Unit}".Trim())) + "'",
            NameExpr name => string.Join(".", name.Parts.Select(p => p.Value)),
            FieldExpr field => $"{Sql(field.Base)}.{field.Field.Value}",
            SubscriptExpr s => $"{Sql(s.Base)}[{Sql(s.Index)}]",
            StarExpr => "*",
            CallExpr call when call.Is("count") && call.Arguments is [StarExpr] => "count(1)",
            CallExpr call => $"{call.Name.ToLowerInvariant()}({(call.Distinct ? "DISTINCT " : "")}"
                + $"{string.Join(", ", call.Arguments.Select(Sql))})",
            UnaryExpr { Operator: "NOT" } u => $"(NOT {Sql(u.Operand)})",
            UnaryExpr u => $"({u.Operator}{Sql(u.Operand)})",
            BinaryExpr b => $"({Sql(b.Left)} {b.Operator} {Sql(b.Right)})",
            CastExpr c => $"CAST({Sql(c.Value)} AS {TypeName(c.Type)})",
            CaseExpr => "CASE WHEN ... END",
            IsExpr i => $"({Sql(i.Value)} IS {(i.Negated ? "NOT " : "")}{i.What})",
            InListExpr i => $"({Sql(i.Value)} {(i.Negated ? "NOT " : "")}IN ({string.Join(", ", i.Items.Select(Sql))}))",
            LikeExpr l => $"{Sql(l.Value)} {(l.Negated ? "NOT " : "")}{l.Kind} {Sql(l.Patterns[0])}",
            LambdaExpr l => $"lambdafunction({Sql(l.Body)}, {string.Join(", ", l.Parameters.Select(p => p.Value))})",
            ExistsExpr => "exists(subquery)",
            SubqueryExpr => "scalarsubquery()",
            _ => e.GetType().Name.Replace("Expr", "", StringComparison.Ordinal).ToLower(CultureInfo.InvariantCulture),
        };

    private static string TypeName(DataTypeSyntax type)
        => type switch
        {
            PrimitiveTypeSyntax p => p.Name.ToUpperInvariant() + (p.Arguments.Count > 0 ? "(" + string.Join(",", p.Arguments) + ")" : ""),
            ArrayTypeSyntax a => $"ARRAY<{TypeName(a.Element)}>",
            MapTypeSyntax m => $"MAP<{TypeName(m.Key)}, {TypeName(m.Value)}>",
            StructTypeSyntax s => $"STRUCT<{string.Join(", ", s.Fields.Select(f => $"{f.Name.Value}: {TypeName(f.Type)}"))}>",
            _ => "?",
        };
}
