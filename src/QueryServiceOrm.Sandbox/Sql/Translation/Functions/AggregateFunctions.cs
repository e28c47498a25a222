namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>
/// Spark's aggregate and window functions, with its result types: count is a bigint, sum of integers a bigint, avg a double
/// (a decimal four digits wider for decimals), collect_list an array that skips NULLs and is empty rather than NULL.
/// </summary>
internal static class AggregateFunctions
{
    private static readonly SparkType D = SparkType.Double;

    public static void Register(FunctionRegistry r)
    {
        r.Aggregate("count", 0, FunctionRegistry.Many, Count);
        r.Aggregate("count_if", 1, 1, c => c.Of(c.Aggregate("count", "*", c.Bool(0)), SparkType.Long));
        r.Aggregate("sum,try_sum", 1, 1, Sum);
        r.Aggregate("avg,mean,try_avg", 1, 1, Average);
        r.Aggregate("min", 1, 1, c => Same(c, "min"));
        r.Aggregate("max", 1, 1, c => Same(c, "max"));
        r.Aggregate("collect_list,array_agg", 1, 1, c => Collect(c, distinct: false));
        r.Aggregate("collect_set", 1, 1, c => Collect(c, distinct: true));
        r.Aggregate("bool_and,every", 1, 1, c => TypedSql.Bool(c.Aggregate("bool_and", c.Bool(0))));
        r.Aggregate("bool_or,some,any", 1, 1, c => TypedSql.Bool(c.Aggregate("bool_or", c.Bool(0))));
        r.Aggregate("first,first_value", 1, 2, c => FirstOrLast(c, "first"));
        r.Aggregate("last,last_value", 1, 2, c => FirstOrLast(c, "last"));
        r.Aggregate("any_value", 1, 2, c => FirstOrLast(c, "first"));
        r.Aggregate("max_by", 2, 2, c => By(c, "DESC"));
        r.Aggregate("min_by", 2, 2, c => By(c, "ASC"));
        foreach (var (names, function) in new[]
                 {
                     ("stddev,stddev_samp,std", "stddev_samp"), ("stddev_pop", "stddev_pop"), ("variance,var_samp", "var_samp"),
                     ("var_pop", "var_pop"),
                 })
        {
            r.Aggregate(names, 1, 1, c => c.Of(c.Aggregate(function, c.Double(0)), D));
        }

        foreach (var function in new[]
            {
                "corr", "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx",
                "regr_sxy", "regr_syy",
            })
        {
            r.Aggregate(function, 2, 2, c => c.Of(c.Aggregate(function, $"{c.Double(0)}, {c.Double(1)}"), D));
        }

        r.Aggregate("regr_count", 2, 2, c => c.Of(c.Aggregate("regr_count", $"{c.Double(0)}, {c.Double(1)}"), SparkType.Long));
        r.Aggregate("bit_and", 1, 1, c => c.Of(c.Aggregate("bit_and", c.Native(0).Text), c.Arg(0).Type));
        r.Aggregate("bit_or", 1, 1, c => c.Of(c.Aggregate("bit_or", c.Native(0).Text), c.Arg(0).Type));
        r.Aggregate("bit_xor", 1, 1, c => c.Of(c.Aggregate("bit_xor", c.Native(0).Text), c.Arg(0).Type));
        r.Aggregate("approx_count_distinct", 1, 2, c => c.Of($"count(DISTINCT {c.Native(0).Text}){c.Over}", SparkType.Long));
        r.Aggregate("median", 1, 1, c => c.Of($"percentile_cont(0.5) WITHIN GROUP (ORDER BY {c.Double(0)}){Filter(c)}{c.Over}", D));
        r.Aggregate("percentile,percentile_approx,approx_percentile", 2, 3, Percentile);
        r.Aggregate("percentile_cont", 1, 1, c => WithinGroup(c, "percentile_cont", D));
        r.Aggregate(
            "percentile_disc", 1, 1,
            c => WithinGroup(
                c, "percentile_disc", c.Call.WithinGroup.Count > 0 ? c.T.Translate(c.Call.WithinGroup[0].Value, c.Scope).Type : D));
        r.Aggregate("mode", 1, 1, c => c.Of($"mode() WITHIN GROUP (ORDER BY {c.Native(0).Text}){Filter(c)}{c.Over}", c.Arg(0).Type));
        r.Aggregate("grouping", 1, 1, c => c.Of($"GROUPING({c.Native(0).Text})::smallint", SparkType.Byte));
        r.Aggregate(
            "grouping_id", 0, FunctionRegistry.Many,
            c => c.Of($"GROUPING({string.Join(", ", c.Args.Select(a => c.T.Native(a).Text))})::bigint", SparkType.Long));

        r.Window("row_number", 0, 0, c => c.Of($"(row_number(){c.Over})::integer", SparkType.Int));
        r.Window("rank", 0, 0, c => c.Of($"(rank(){c.Over})::integer", SparkType.Int));
        r.Window("dense_rank", 0, 0, c => c.Of($"(dense_rank(){c.Over})::integer", SparkType.Int));
        r.Window("percent_rank", 0, 0, c => c.Of($"percent_rank(){c.Over}", D));
        r.Window("cume_dist", 0, 0, c => c.Of($"cume_dist(){c.Over}", D));
        r.Window("ntile", 1, 1, c => c.Of($"ntile({c.Int(0)}){c.Over}", SparkType.Int));
        r.Window("lag", 1, 3, c => Offset(c, "lag"));
        r.Window("lead", 1, 3, c => Offset(c, "lead"));
        r.Window("nth_value", 2, 2, c => c.Of($"nth_value({c.Native(0).Text}, {c.Int(1)}){c.Over}", c.Arg(0).Type));
    }

    private static string Filter(FunctionCall c)
        => c.Call.Filter is null ? "" : $" FILTER (WHERE {c.T.Coerce(c.T.Translate(c.Call.Filter, c.Scope), SparkType.Boolean).Text})";

    // count(*), count(x), count(DISTINCT a, b): rows where every argument is non-NULL.
    private static TypedSql Count(FunctionCall c)
    {
        if (c.Count == 0 || c.Call.Arguments[0] is Syntax.StarExpr)
        {
            return c.Of(c.Aggregate("count", "*"), SparkType.Long);
        }

        if (c.Count == 1)
        {
            return c.Of(c.Aggregate("count", c.Native(0).Text), SparkType.Long);
        }

        var values = c.Args.Select(c.T.Native).ToList();
        var allPresent = string.Join(" AND ", values.Select(v => v.IsNullTest(negated: true)));
        return c.Of(
            c.Aggregate("count", $"CASE WHEN {allPresent} THEN ROW({string.Join(", ", values.Select(v => v.Text))}) END"), SparkType.Long);
    }

    private static TypedSql Sum(FunctionCall c)
    {
        var value = c.Native(0);
        return value.Type switch
        {
            DecimalType d => c.Of(
                $"({c.Aggregate("sum", value.Text)})::numeric({System.Math.Min(38, d.Precision + 10)},{d.Scale})",
                new DecimalType(System.Math.Min(38, d.Precision + 10), d.Scale)),
            { IsIntegral: true } => c.Of($"({c.Aggregate("sum", value.Text)})::bigint", SparkType.Long),
            AtomicType { SparkName: "interval" } => c.Of(c.Aggregate("sum", value.Text), SparkType.Interval),
            _ => c.Of(c.Aggregate("sum", c.T.Coerce(value, D).Text), D),
        };
    }

    private static TypedSql Average(FunctionCall c)
    {
        var value = c.Native(0);
        if (value.Type is DecimalType d)
        {
            var type = DecimalPrecision.Bounded(d.Precision + 4, d.Scale + 4);
            return ExpressionTranslator.RoundDecimal(c.Of(c.Aggregate("avg", value.Text), type), type);
        }

        return c.Of(c.Aggregate("avg", c.T.Coerce(value, D).Text), D);
    }

    private static TypedSql Same(FunctionCall c, string function)
    {
        var value = c.Native(0);
        return c.Of(c.Aggregate(function, value.Text), value.Type);
    }

    // collect_list skips NULLs and gives [] for no rows; collect_set is the same without duplicates.
    private static TypedSql Collect(FunctionCall c, bool distinct)
    {
        var value = c.Native(0);
        c.T.Context.Require(value.Type);
        var type = new ArrayType(value.Type == SparkType.Null ? SparkType.String : value.Type);
        return c.Of(
            $"coalesce({c.Aggregate("array_agg", value.Text, value.IsNullTest(negated: true), distinct: distinct)}, ARRAY[]::"
            + $"{type.PgName})",
            type);
    }

    // first(x[, ignoreNulls]) and last: the first or last value in the rows' order.
    private static TypedSql FirstOrLast(FunctionCall c, string which)
    {
        var value = c.Native(0);
        var ignoreNulls = c.Call.IgnoreNulls || (c.Count == 2 && c.Call.Arguments[1] is Syntax.BooleanLiteral { Value: true });
        if (c.Call.Over is not null)
        {
            var function = which == "first" ? "first_value" : "last_value";
            return ignoreNulls
                ? throw new Rules.ServiceErrorException(
                    Rules.ServiceRules.NotEmulated(
                        $"{function} ... IGNORE NULLS over a window", "PostgreSQL's window functions have no IGNORE NULLS."))
                : c.Of($"{function}({value.Text}){c.Over}", value.Type);
        }

        c.T.Context.Require(value.Type);
        var array = $"array_agg({value.Text})" + (ignoreNulls ? $" FILTER (WHERE {value.IsNullTest(negated: true)})" : "");
        var index = which == "first" ? "1" : $"cardinality({array})";
        return c.Of($"({array})[{index}]", value.Type);
    }

    // max_by(x, y): the x of the row with the largest y (rows with a NULL y are skipped).
    private static TypedSql By(FunctionCall c, string direction)
    {
        var value = c.Native(0);
        var key = c.Native(1);
        c.T.Context.Require(value.Type);
        return c.Of($"({c.Aggregate("array_agg", value.Text, key.IsNullTest(negated: true), $"{key.Text} {direction}")})[1]", value.Type);
    }

    // percentile(x, p) is exact: percentile_cont; an array of percentages gives an array.
    private static TypedSql Percentile(FunctionCall c)
    {
        var percentages = c.Native(1);
        var isArray = percentages.Type is ArrayType;
        var fractions = isArray ? c.T.Coerce(percentages, new ArrayType(D)).Text : c.Double(1);
        var exact = c.Name == "percentile";
        var function = exact ? "percentile_cont" : "percentile_disc";
        var value = exact ? c.Double(0) : c.Native(0).Text;
        var type = exact ? D : c.Arg(0).Type;
        return c.Of($"{function}({fractions}) WITHIN GROUP (ORDER BY {value}){Filter(c)}{c.Over}", isArray ? new ArrayType(type) : type);
    }

    // percentile_cont(p) WITHIN GROUP (ORDER BY x [DESC]).
    private static TypedSql WithinGroup(FunctionCall c, string function, SparkType type)
    {
        if (c.Call.WithinGroup.Count != 1)
        {
            throw c.Wrong("WITHIN GROUP (ORDER BY one expression)");
        }

        var order = c.Call.WithinGroup[0];
        var value = function == "percentile_cont"
            ? c.T.Coerce(c.T.Translate(order.Value, c.Scope), D).Text
            : c.T.Native(c.T.Translate(order.Value, c.Scope)).Text;
        return c.Of(
            $"{function}({c.Double(0)}) WITHIN GROUP (ORDER BY {value}{(order.Descending ? " DESC" : "")}){Filter(c)}{c.Over}", type);
    }

    private static TypedSql Offset(FunctionCall c, string function)
    {
        var value = c.Native(0);
        var arguments = c.Count switch
        {
            1 => value.Text,
            2 => $"{value.Text}, {c.Int(1)}",
            _ => $"{value.Text}, {c.Int(1)}, {c.T.Coerce(c.Arg(2), value.Type).Text}",
        };
        return c.Of($"{function}({arguments}){c.Over}", value.Type);
    }
}
