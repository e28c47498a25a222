using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

// BETWEEN, IN, LIKE/ILIKE/RLIKE, IS, CASE: each side cast to the type Spark compares it as.
internal sealed partial class ExpressionTranslator
{
    private TypedSql Between(BetweenExpr between, Scope scope)
    {
        var value = Translate(between.Value, scope);
        var low = Translate(between.Low, scope);
        var high = Translate(between.High, scope);
        var type = SparkTypes.Common(SparkTypes.Common(value.Type, low.Type, true) ?? value.Type, high.Type, true) ?? value.Type;
        var not = between.Negated ? "NOT " : "";
        return TypedSql.Bool($"({Coerce(value, type).Text} {not}BETWEEN {Coerce(low, type).Text} AND {Coerce(high, type).Text})");
    }

    private TypedSql InList(InListExpr inList, Scope scope)
    {
        var value = Translate(inList.Value, scope);
        var items = inList.Items.Select(i => Translate(i, scope)).ToList();
        var type = items.Aggregate(value.Type, (t, i) => SparkTypes.Common(t, i.Type, comparison: true)
                                                        ?? throw Error(
                                                            ServiceRules.TypeMismatch(
                                                                $"IN list items must be comparable with {value.Type}, not {i.Type}"),
                                                            inList));
        var not = inList.Negated ? "NOT " : "";
        return TypedSql.Bool($"({Coerce(value, type).Text} {not}IN ({string.Join(", ", items.Select(i => Coerce(i, type).Text))}))");
    }

    private TypedSql InQuery(InQueryExpr inQuery, Scope scope)
    {
        var query = Queries.Translate(inQuery.Query, scope);
        var value = Translate(inQuery.Value, scope);
        var not = inQuery.Negated ? "NOT " : "";
        if (inQuery.Value is RowExpr row)
        {
            var values = row.Items.Select(i => Native(Translate(i, scope)).Text);
            return TypedSql.Bool($"(({string.Join(", ", values)}) {not}IN ({query.Sql}))");
        }

        var type = SparkTypes.Common(value.Type, query.Columns[0].Type, comparison: true) ?? value.Type;
        var sub = query.Columns[0].Type == type
            ? query.Sql
            : $"SELECT {Coerce(new TypedSql("q.c", query.Columns[0].Type), type).Text} FROM ({query.Sql}) AS q(c)";
        return TypedSql.Bool($"({Coerce(value, type).Text} {not}IN ({sub}))");
    }

    private TypedSql Like(LikeExpr like, Scope scope)
    {
        var value = AsString(Translate(like.Value, scope)).Text;
        var patterns = like.Patterns.Select(p => like.Kind == "RLIKE" && p is StringLiteral constant
            ? PgSql.Literal(Functions.JavaRegex.ToPostgres(constant.Value))
            : AsString(Translate(p, scope)).Text).ToList();
        var not = like.Negated ? "NOT " : "";
        switch (like.Kind)
        {
            case "RLIKE":
                // Java's regular expressions find a match anywhere, like PostgreSQL's ~.
                return TypedSql.Bool($"({not}({value} ~ {patterns[0]}))");
            case var kind when like.Quantifier is { } quantifier:
                return TypedSql.Bool($"({not}({value} {kind} {quantifier} (ARRAY[{string.Join(", ", patterns)}])))");
            default:
                var escape = like.Escape is { } e ? $" ESCAPE {AsString(Translate(e, scope)).Text}" : "";
                return TypedSql.Bool($"({value} {not}{like.Kind} {patterns[0]}{escape})");
        }
    }

    private TypedSql Is(IsExpr isExpr, Scope scope)
    {
        var value = Translate(isExpr.Value, scope);
        if (isExpr.What == "NULL")
        {
            return TypedSql.Bool(value.IsNullTest(isExpr.Negated));
        }

        var not = isExpr.Negated ? "NOT " : "";
        return TypedSql.Bool($"({Coerce(value, SparkType.Boolean).Text} IS {not}{isExpr.What})");
    }

    private TypedSql IsDistinct(IsDistinctExpr distinct, Scope scope)
        => Comparison(
            distinct.Negated ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM", Translate(distinct.Left, scope),
            Translate(distinct.Right, scope), distinct);

    private TypedSql Case(CaseExpr caseExpr, Scope scope)
    {
        var operand = caseExpr.Operand is null ? null : Translate(caseExpr.Operand, scope);
        var whens = caseExpr.Whens.Select(w => (When: Translate(w.When, scope), Then: Translate(w.Then, scope))).ToList();
        var otherwise = caseExpr.Else is null ? null : Translate(caseExpr.Else, scope);
        var results = whens.Select(w => w.Then).Concat(otherwise is null ? [] : [otherwise]).ToList();
        var type = CommonType(results, caseExpr);
        var clauses = whens.Select(w =>
        {
            var condition = operand is null ? Coerce(w.When, SparkType.Boolean).Text : Comparison("=", operand, w.When, caseExpr).Text;
            return $"WHEN {condition} THEN {Coerce(w.Then, type).Text}";
        });
        var elseClause = otherwise is null ? "" : $" ELSE {Coerce(otherwise, type).Text}";
        return new TypedSql($"(CASE {string.Join(" ", clauses)}{elseClause} END)", type);
    }

    /// <summary>The type values of several branches share (CASE, coalesce, greatest, array(...)).</summary>
    public SparkType CommonType(IReadOnlyList<TypedSql> values, Node at)
        => SharedType(values, at) is var type && type == SparkType.Null ? SparkType.String : type;

    /// <summary>
    /// The type values share, void when all are NULL, as a column of an inline table is: an INSERT then casts it to whatever
    /// its target column holds.
    /// </summary>
    public SparkType SharedType(IReadOnlyList<TypedSql> values, Node at)
    {
        var type = values.Select(v => v.Type).DefaultIfEmpty(SparkType.Null)
            .Aggregate(
                (a, b) => SparkTypes.Common(a, b)
                    ?? throw Error(ServiceRules.TypeMismatch($"data types {a} and {b} have no common type"), at));
        Context.Require(type);
        return type;
    }
}
