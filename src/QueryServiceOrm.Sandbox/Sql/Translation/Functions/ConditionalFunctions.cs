namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>coalesce, if, ifnull/nvl, nvl2, nullif, nanvl, isnull, isnotnull, isnan, equal_null, assert_true, raise_error.</summary>
internal static class ConditionalFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Scalar("coalesce", 1, FunctionRegistry.Many, c => Common(c, "COALESCE", c.Args));
        r.Scalar("ifnull,nvl", 2, 2, c => Common(c, "COALESCE", c.Args));
        r.Scalar("if,iff", 3, 3, c =>
        {
            var type = c.T.CommonType([c.Arg(1), c.Arg(2)], c.Call);
            return c.Of($"(CASE WHEN {c.Bool(0)} THEN {c.As(1, type)} ELSE {c.As(2, type)} END)", type);
        });
        r.Scalar("nvl2", 3, 3, c =>
        {
            var type = c.T.CommonType([c.Arg(1), c.Arg(2)], c.Call);
            return c.Of($"(CASE WHEN {c.Arg(0).IsNullTest(negated: true)} THEN {c.As(1, type)} ELSE {c.As(2, type)} END)", type);
        });
        r.Scalar("nullif", 2, 2, c =>
        {
            var type = c.T.CommonType([c.Arg(0), c.Arg(1)], c.Call);
            return c.Of($"NULLIF({c.As(0, type)}, {c.As(1, type)})", type);
        });
        r.Scalar(
            "nanvl", 2, 2, c => c.Of($"(CASE WHEN {c.Double(0)} = 'NaN' THEN {c.Double(1)} ELSE {c.Double(0)} END)", SparkType.Double));
        r.Scalar("isnull", 1, 1, c => TypedSql.Bool(c.Arg(0).IsNullTest()));
        r.Scalar("isnotnull", 1, 1, c => TypedSql.Bool(c.Arg(0).IsNullTest(negated: true)));
        r.Scalar("isnan", 1, 1, c => TypedSql.Bool($"coalesce({c.Double(0)} = 'NaN', FALSE)"));
        r.Scalar("equal_null", 2, 2, c => c.T.Comparison("IS NOT DISTINCT FROM", c.Arg(0), c.Arg(1), c.Call));
        r.Scalar("assert_true", 1, 2, c => c.Of(PgSql.Call("assert_true", c.Bool(0), c.Count == 2 ? c.Str(1) : "NULL"), SparkType.Null));
        r.Scalar("raise_error", 1, 1, c => c.Of(PgSql.Call("raise_error", c.Str(0)), SparkType.Null));
    }

    private static TypedSql Common(FunctionCall c, string function, IReadOnlyList<TypedSql> values)
    {
        var type = c.T.CommonType(values, c.Call);
        return c.Of($"{function}({string.Join(", ", values.Select(v => c.T.Coerce(v, type).Text))})", type);
    }
}
