using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>
/// Spark's array functions and higher-order functions (lambdas run inside subqueries over the array's elements, in order),
/// with Spark's NULL semantics: a NULL array gives NULL, <c>size(NULL)</c> is -1, <c>exists</c> is NULL when no element
/// matches and some predicate is NULL.
/// </summary>
internal static class ArrayFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Scalar("array", 0, FunctionRegistry.Many, MakeArray);
        r.Scalar("array_contains", 2, 2, c => Unary(c, (a, t) => TypedSql.Bool($"({c.As(1, t.Element)} = ANY({a.Text}))")));
        r.Scalar("size,cardinality", 1, 1, c => Size(c, nullIsMinusOne: true));
        r.Scalar("array_size", 1, 1, c => Size(c, nullIsMinusOne: false));
        r.Scalar(
            "array_append", 2, 2,
            c => Unary(
                c, (a, t) => c.Of($"(CASE WHEN {a.Text} IS NULL THEN NULL ELSE array_append({a.Text}, {c.As(1, t.Element)}) END)", t)));
        r.Scalar(
            "array_prepend", 2, 2,
            c => Unary(
                c, (a, t) => c.Of($"(CASE WHEN {a.Text} IS NULL THEN NULL ELSE array_prepend({c.As(1, t.Element)}, {a.Text}) END)", t)));
        r.Scalar("array_compact", 1, 1, c => Unary(c, (a, t) => c.Of($"array_remove({a.Text}, NULL)", t)));
        r.Scalar(
            "array_remove", 2, 2,
            c => Unary(
                c,
                (a, t) => c.Of(
                    $"(CASE WHEN {c.As(1, t.Element)} IS NULL THEN NULL ELSE array_remove({a.Text}, {c.As(1, t.Element)}) END)", t)));
        r.Scalar("array_position", 2, 2, c => Unary(c, (a, t) =>
            c.Of(
                $"(CASE WHEN {a.Text} IS NULL OR {c.As(1, t.Element)} IS NULL THEN NULL ELSE coalesce(array_position({a.Text}, "
                + $"{c.As(1, t.Element)}), 0) END)::bigint",
                SparkType.Long)));
        r.Scalar("array_repeat", 2, 2, ArrayRepeat);
        r.Scalar("array_join", 2, 3, c => Unary(c, (a, _) => c.Of(
            $"array_to_string({c.T.Coerce(a, new ArrayType(SparkType.String)).Text}, {c.Str(1)}{(c.Count == 3 ? ", " + c.Str(2) : "")})",
            SparkType.String)));
        r.Scalar("array_max", 1, 1, c => Extreme(c, "max"));
        r.Scalar("array_min", 1, 1, c => Extreme(c, "min"));
        r.Scalar("array_distinct", 1, 1, c => Unary(c, (a, t) => Distinct(c, t, [(a, "0")], null)));
        r.Scalar(
            "array_union", 2, 2, c => Binary(c, (a, b, t) => Distinct(c, t, [(a, "0"), (b, $"coalesce(cardinality({a.Text}), 0)")], null)));
        r.Scalar(
            "array_intersect", 2, 2,
            c => Binary(
                c,
                (a, b, t) => Distinct(
                    c, t, [(a, "0")], v => $"EXISTS (SELECT 1 FROM unnest({b.Text}) AS y WHERE y IS NOT DISTINCT FROM {v})")));
        r.Scalar(
            "array_except", 2, 2,
            c => Binary(
                c,
                (a, b, t) => Distinct(
                    c, t, [(a, "0")], v => $"NOT EXISTS (SELECT 1 FROM unnest({b.Text}) AS y WHERE y IS NOT DISTINCT FROM {v})")));
        r.Scalar("arrays_overlap", 2, 2, c => Binary(c, (a, b, _) => TypedSql.Bool(
            $"(CASE WHEN {a.Text} IS NULL OR {b.Text} IS NULL THEN NULL WHEN EXISTS (SELECT 1 FROM unnest({a.Text}) AS x JOIN unnest("
            + $"{b.Text}) AS y ON x = y) THEN TRUE " +
            $"WHEN cardinality({a.Text}) > 0 AND cardinality({b.Text}) > 0 AND (array_position({a.Text}, NULL) IS NOT NULL OR "
            + $"array_position({b.Text}, NULL) IS NOT NULL) THEN NULL ELSE FALSE END)")));
        r.Scalar("arrays_zip", 1, FunctionRegistry.Many, ArraysZip);
        r.Scalar("element_at,try_element_at", 2, 2, ElementAt);
        r.Scalar("get", 2, 2, c => Unary(c, (a, t) => c.Of($"({a.Text})[{c.Int(1)} + 1]", t.Element)));
        r.Scalar("flatten", 1, 1, Flatten);
        r.Scalar(
            "reverse", 1, 1,
            c => c.Arg(0).Type is ArrayType
                ? Unary(c, (a, t) => Ordered(c, a, t, "DESC"))
                : c.Of($"reverse({c.Str(0)})", SparkType.String));
        r.Scalar("sequence", 2, 3, Sequence);
        r.Scalar("slice", 3, 3, c => Unary(c, (a, t) => c.Of(PgSql.Call("slice", a.Text, c.Int(1), c.Int(2)), t)));
        r.Scalar("sort_array", 1, 2, c => Unary(c, (a, t) =>
            c.Count == 1 || c.Call.Arguments[1] is BooleanLiteral { Value: true } ? Sorted(c, a, t, "ASC NULLS FIRST")
            : c.Call.Arguments[1] is BooleanLiteral { Value: false } ? Sorted(c, a, t, "DESC NULLS LAST")
            : throw c.Wrong("a constant TRUE or FALSE as the sort direction")));
        r.Scalar("array_sort", 1, 2, c => c.Count == 1
            ? Unary(c, (a, t) => Sorted(c, a, t, "ASC NULLS LAST"))
            : throw new ServiceErrorException(
                ServiceRules.NotEmulated(
                    "array_sort with a comparator",
                    "a comparator lambda cannot order rows on the backend; sort with sort_array, or array_sort without a comparator.")));
        r.Scalar("exists", 2, 2, c => Quantified(c, any: true));
        r.Scalar("forall", 2, 2, c => Quantified(c, any: false));
        r.Scalar("filter", 2, 2, Filter);
        r.Scalar("transform", 2, 2, Transform);
        r.Scalar("aggregate,reduce", 3, 4, Fold);
        r.Scalar("zip_with", 3, 3, ZipWith);
    }

    // Translates an array function whose array argument comes first; a NULL literal is a NULL array of strings.
    private static TypedSql Unary(FunctionCall c, Func<TypedSql, ArrayType, TypedSql> body)
    {
        var (array, type) = c.Array(0);
        if (array.HeldAsJson)
        {
            throw new ServiceErrorException(
                ServiceRules.NotEmulated($"{c.Name} on an array of arrays or maps", "the sandbox holds such arrays as JSON."));
        }

        c.T.Context.Require(type);
        return body(array, type);
    }

    // Two arrays, both cast to their common type.
    private static TypedSql Binary(FunctionCall c, Func<TypedSql, TypedSql, ArrayType, TypedSql> body)
    {
        var (a, ta) = c.Array(0);
        var (b, tb) = c.Array(1);
        var type = SparkTypes.Common(ta, tb) as ArrayType ?? throw c.Wrong($"two arrays of one element type, not {ta} and {tb}");
        c.T.Context.Require(type);
        return body(c.T.Coerce(a, type), c.T.Coerce(b, type), type);
    }

    private static TypedSql MakeArray(FunctionCall c)
    {
        var values = c.Args.Select(c.T.Native).ToList();
        // array() holds void elements (CreateArray's default without the legacy string flag), so it casts to any array.
        var element = values.Count == 0 ? SparkType.Null : c.T.CommonType(values, c.Call);
        var type = new ArrayType(element);
        if (type.IsJsonBacked)
        {
            return c.Of($"jsonb_build_array({string.Join(", ", values.Select(v => c.T.ToJson(c.T.Coerce(v, element))))})", type);
        }

        c.T.Context.Require(type);
        return c.Of($"(ARRAY[{string.Join(", ", values.Select(v => c.T.Coerce(v, element).Text))}]::{type.PgName})", type);
    }

    private static TypedSql Size(FunctionCall c, bool nullIsMinusOne)
    {
        var value = c.Arg(0);
        var nullSize = nullIsMinusOne ? "-1" : "NULL";
        return value.Type switch
        {
            MapType => c.Of(
                $"(CASE WHEN {value.Text} IS NULL THEN {nullSize} ELSE (SELECT count(*)::integer FROM jsonb_object_keys({value.Text})) "
                + $"END)",
                SparkType.Int),
            ArrayType when value.HeldAsJson => c.Of($"coalesce(jsonb_array_length({value.Text}), {nullSize})", SparkType.Int),
            ArrayType => c.Of($"coalesce(cardinality({value.Text}), {nullSize})", SparkType.Int),
            AtomicType { SparkName: "void" } => c.Of(nullSize + "::integer", SparkType.Int),
            _ => throw c.Wrong($"an array or a map, not {value.Type}"),
        };
    }

    private static TypedSql ArrayRepeat(FunctionCall c)
    {
        var value = c.Native(0);
        var element = value.Type == SparkType.Null ? SparkType.String : value.Type;
        var type = new ArrayType(element);
        c.T.Context.Require(type);
        return c.Of($"array_fill({c.T.Coerce(value, element).Text}, ARRAY[greatest({c.Int(1)}, 0)])", type);
    }

    private static TypedSql Extreme(FunctionCall c, string function)
        => Unary(c, (a, t) => c.Of($"(SELECT {function}(v) FROM unnest({a.Text}) AS v)", t.Element));

    // Distinct elements in the order they first appear, from one or more arrays, optionally those meeting a test.
    private static TypedSql Distinct(
        FunctionCall c, ArrayType type, IReadOnlyList<(TypedSql Array, string Offset)> arrays, Func<string, string>? test)
    {
        var e = c.T.Context.NewAlias("d");
        var sources = string.Join(
            " UNION ALL ",
            arrays.Select(a => $"SELECT u.v, u.o + {a.Offset} AS o FROM {ExpressionTranslator.Elements(a.Array, "u", "o")}"));
        var where = test is null ? "" : " WHERE " + test($"{e}.v");
        var nulls = string.Join(" OR ", arrays.Select(a => $"{a.Array.Text} IS NULL"));
        return c.Of(
            $"(CASE WHEN {nulls} THEN NULL ELSE ARRAY(SELECT g.v FROM (SELECT {e}.v, min({e}.o) AS o FROM ({sources}) AS {e}{where} "
            + $"GROUP BY {e}.v) AS g ORDER BY g.o) END)",
            type);
    }

    private static TypedSql Ordered(FunctionCall c, TypedSql array, ArrayType type, string direction)
    {
        var e = c.T.Context.NewAlias("r");
        return c.Of(
            $"(CASE WHEN {array.Text} IS NULL THEN NULL ELSE ARRAY(SELECT {e}.v FROM {ExpressionTranslator.Elements(array, e, "o")} "
            + $"ORDER BY {e}.o {direction}) END)",
            type);
    }

    private static TypedSql Sorted(FunctionCall c, TypedSql array, ArrayType type, string order)
    {
        var e = c.T.Context.NewAlias("s");
        return c.Of(
            $"(CASE WHEN {array.Text} IS NULL THEN NULL ELSE ARRAY(SELECT {e}.v FROM {ExpressionTranslator.Elements(array, e, "o")} "
            + $"ORDER BY {e}.v {order}) END)",
            type);
    }

    // arrays_zip(a, b): structs of the i-th elements, named after the arguments that are columns, else 0, 1, ...
    private static TypedSql ArraysZip(FunctionCall c)
    {
        var arrays = Enumerable.Range(0, c.Count).Select(c.Array).ToList();
        var names = c.Call.Arguments.Select(
            (a, i) => a is NameExpr n ? n.Parts[^1].Value : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var i = c.T.Context.NewAlias("i");
        var fields = arrays.Select((a, k) => (names[k], new TypedSql($"({a.Value.Text})[{i}]", a.Type.Element))).ToList();
        var element = c.T.Struct(fields);
        var type = new ArrayType(element.Type);
        var length = string.Join(", ", arrays.Select(a => $"coalesce(cardinality({a.Value.Text}), 0)"));
        var nulls = string.Join(" OR ", arrays.Select(a => $"{a.Value.Text} IS NULL"));
        return c.Of(
            $"(CASE WHEN {nulls} THEN NULL ELSE ARRAY(SELECT {element.Text} FROM generate_series(1, greatest({length})) AS {i} ORDER BY "
            + $"{i}) END)",
            type);
    }

    // element_at(array, i) is 1-based, negative from the end; element_at(map, key) the key's value.
    private static TypedSql ElementAt(FunctionCall c)
    {
        var value = c.Arg(0);
        if (value.Type is MapType map)
        {
            return c.T.MapValue(value, c.Arg(1), map);
        }

        return Unary(
            c, (a, t) => c.Of(PgSql.Call(c.Name == "try_element_at" ? "try_element_at" : "element_at", a.Text, c.Int(1)), t.Element));
    }

    private static TypedSql Flatten(FunctionCall c)
    {
        var (value, type) = c.Array(0);
        if (type.Element is not ArrayType inner)
        {
            throw c.Wrong($"an array of arrays, not {type}");
        }

        var result = new ArrayType(inner.Element);
        c.T.Context.Require(result);
        var element = c.T.Native(new TypedSql("y.v", inner.Element, IsJson: true));
        var j = value.Text;
        return c.Of(
            $"(CASE WHEN {j} IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements({j}) AS n WHERE jsonb_typeof(n) = 'null') THEN NULL " +
            $"ELSE ARRAY(SELECT {element.Text} FROM jsonb_array_elements({j}) WITH ORDINALITY AS x(v, o), jsonb_array_elements(x.v) WITH "
            + $"ORDINALITY AS y(v, p) ORDER BY x.o, y.p) END)",
            result);
    }

    // sequence(start, stop[, step]): integers (step 1 or -1 by default), or dates and timestamps with an interval step.
    private static TypedSql Sequence(FunctionCall c)
    {
        var start = c.Native(0);
        var stop = c.Native(1);
        if (start.Type.IsIntegral && stop.Type.IsIntegral)
        {
            var type = SparkTypes.WiderNumeric(start.Type, stop.Type)!;
            var (a, b) = (c.T.Coerce(start, type).Text, c.T.Coerce(stop, type).Text);
            var step = c.Count == 3 ? c.As(2, type) : $"(CASE WHEN {a} <= {b} THEN 1 ELSE -1 END)::{type.PgName}";
            return c.Of($"ARRAY(SELECT generate_series({a}, {b}, {step}))", new ArrayType(type));
        }

        var elementType = start.Type == SparkType.Date && stop.Type == SparkType.Date ? SparkType.Date : SparkType.Timestamp;
        var interval = c.Count == 3 ? c.Arg(2).Text : "INTERVAL '1 day'";
        var cast = elementType == SparkType.Date ? "::date" : "";
        return c.Of(
            $"ARRAY(SELECT g{cast} FROM generate_series({c.Timestamp(0)}, {c.Timestamp(1)}, {interval}) AS g)", new ArrayType(elementType));
    }

    // exists: TRUE if some element matches, else NULL if some predicate was NULL, else FALSE; forall the dual.
    private static TypedSql Quantified(FunctionCall c, bool any)
    {
        var (array, type) = c.Array(0);
        var e = c.T.Context.NewAlias("q");
        var predicate = c.T.Coerce(
            c.Lambda(1, new TypedSql($"{e}.v", type.Element, array.HeldAsJson), new TypedSql($"({e}.o - 1)::integer", SparkType.Int)),
            SparkType.Boolean).Text;
        var test = any
            ? $"CASE WHEN bool_or({predicate}) THEN TRUE WHEN bool_or(({predicate}) IS NULL) THEN NULL ELSE FALSE END"
            : $"CASE WHEN bool_or(NOT ({predicate})) THEN FALSE WHEN bool_or(({predicate}) IS NULL) THEN NULL ELSE TRUE END";
        return TypedSql.Bool(
            $"(CASE WHEN {array.Text} IS NULL THEN NULL ELSE (SELECT {test} FROM {ExpressionTranslator.Elements(array, e, "o")}) END)");
    }

    private static TypedSql Filter(FunctionCall c)
    {
        var (array, type) = c.Array(0);
        var e = c.T.Context.NewAlias("f");
        var item = new TypedSql($"{e}.v", type.Element, array.HeldAsJson);
        var predicate = c.T.Coerce(c.Lambda(1, item, new TypedSql($"({e}.o - 1)::integer", SparkType.Int)), SparkType.Boolean).Text;
        var source = ExpressionTranslator.Elements(array, e, "o");
        var collected = array.HeldAsJson
            ? $"(SELECT coalesce(jsonb_agg({e}.v ORDER BY {e}.o), '[]'::jsonb) FROM {source} WHERE {predicate})"
            : $"ARRAY(SELECT {e}.v FROM {source} WHERE {predicate} ORDER BY {e}.o)";
        return c.Of($"(CASE WHEN {array.Text} IS NULL THEN NULL ELSE {collected} END)", type);
    }

    private static TypedSql Transform(FunctionCall c)
    {
        var (array, type) = c.Array(0);
        var e = c.T.Context.NewAlias("t");
        var body = c.T.Native(
            c.Lambda(1, new TypedSql($"{e}.v", type.Element, array.HeldAsJson), new TypedSql($"({e}.o - 1)::integer", SparkType.Int)));
        var result = new ArrayType(body.Type == SparkType.Null ? SparkType.String : body.Type);
        c.T.Context.Require(result);
        var source = ExpressionTranslator.Elements(array, e, "o");
        var collected = result.IsJsonBacked
            ? $"(SELECT coalesce(jsonb_agg({c.T.ToJson(body)} ORDER BY {e}.o), '[]'::jsonb) FROM {source})"
            : $"ARRAY(SELECT {c.T.Coerce(body, result.Element).Text} FROM {source} ORDER BY {e}.o)";
        return c.Of($"(CASE WHEN {array.Text} IS NULL THEN NULL ELSE {collected} END)", result);
    }

    // aggregate(array, zero, (acc, x) -> merge[, acc -> finish]): a left fold, as a recursive CTE over the elements.
    private static TypedSql Fold(FunctionCall c)
    {
        var (array, type) = Native(c);
        var zero = c.Native(1);
        var accumulatorType = zero.Type == SparkType.Null ? SparkType.String : zero.Type;
        c.T.Context.Require(accumulatorType);
        var fold = c.T.Context.NewAlias("fold");
        var merge = c.T.Coerce(
            c.T.Native(
                c.Lambda(2, new TypedSql($"{fold}.acc", accumulatorType), new TypedSql($"({array.Text})[{fold}.i + 1]", type.Element))),
            accumulatorType);
        var result = c.Count == 4
            ? c.T.Native(c.Lambda(3, new TypedSql($"{fold}.acc", accumulatorType)))
            : new TypedSql($"{fold}.acc", accumulatorType);
        var pgType = accumulatorType.PgName;
        var recursive = $"WITH RECURSIVE {fold}(i, acc) AS (SELECT 0, ({c.T.Coerce(zero, accumulatorType).Text})::{pgType} UNION ALL " +
                        $"SELECT {fold}.i + 1, ({merge.Text})::{pgType} FROM {fold} WHERE {fold}.i < cardinality({array.Text})) " +
                        $"SELECT {result.Text} FROM {fold} ORDER BY {fold}.i DESC LIMIT 1";
        return c.Of($"(CASE WHEN {array.Text} IS NULL THEN NULL ELSE ({recursive}) END)", result.Type);
    }

    private static (TypedSql Value, ArrayType Type) Native(FunctionCall c)
    {
        var (array, type) = c.Array(0);
        return array.HeldAsJson
            ? throw new ServiceErrorException(
                ServiceRules.NotEmulated($"{c.Name} on an array of arrays or maps", "the sandbox holds such arrays as JSON."))
            : (array, type);
    }

    private static TypedSql ZipWith(FunctionCall c)
    {
        var (a, ta) = c.Array(0);
        var (b, tb) = c.Array(1);
        var i = c.T.Context.NewAlias("z");
        var body = c.T.Native(c.Lambda(2, new TypedSql($"({a.Text})[{i}]", ta.Element), new TypedSql($"({b.Text})[{i}]", tb.Element)));
        var result = new ArrayType(body.Type == SparkType.Null ? SparkType.String : body.Type);
        c.T.Context.Require(result);
        return c.Of(
            $"(CASE WHEN {a.Text} IS NULL OR {b.Text} IS NULL THEN NULL ELSE ARRAY(SELECT {c.T.Coerce(body, result.Element).Text} FROM "
            + $"generate_series(1, greatest(cardinality({a.Text}), cardinality({b.Text}))) AS {i} ORDER BY {i}) END)",
            result);
    }
}
