namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>
/// Spark's map functions over maps held as JSON objects (keys as JSON object keys, values as JSON), so a map of any value
/// type fits one backend type. Entries come in jsonb's key order (by length, then bytes), not in insertion order.
/// </summary>
internal static class MapFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Scalar("map", 0, FunctionRegistry.Many, MakeMap);
        r.Scalar("map_keys", 1, 1, c => Entries(c, (e, m) => (c.T.Cast(new TypedSql($"{e}.key", SparkType.String), m.Key, 0), m.Key)));
        r.Scalar("map_values", 1, 1, c => Entries(c, (e, m) => (c.T.Native(new TypedSql($"{e}.value", m.Value, IsJson: true)), m.Value)));
        r.Scalar("map_entries", 1, 1, c => Entries(c, (e, m) =>
        {
            var entry = c.T.Struct(
                [
                    ("key", c.T.Cast(new TypedSql($"{e}.key", SparkType.String), m.Key, 0)),
                    ("value", c.T.Native(new TypedSql($"{e}.value", m.Value, IsJson: true)))]);
            return (entry, entry.Type);
        }));
        r.Scalar("map_from_arrays", 2, 2, FromArrays);
        r.Scalar("map_from_entries", 1, 1, FromEntries);
        r.Scalar("map_concat", 1, FunctionRegistry.Many, c =>
        {
            var maps = Enumerable.Range(0, c.Count).Select(c.Map).ToList();
            return c.Of($"({string.Join(" || ", maps.Select(m => m.Value.Text))})", maps[0].Type);
        });
        r.Scalar("map_contains_key", 2, 2, c =>
        {
            var (map, type) = c.Map(0);
            return TypedSql.Bool($"({map.Text} ? {c.T.MapKey(c.Arg(1), type.Key)})");
        });
        r.Scalar(
            "str_to_map", 1, 3,
            c => c.Of(PgSql.Call("str_to_map", c.Str(0), c.Count > 1 ? c.Str(1) : "','", c.Count > 2 ? c.Str(2) : "':'"),
            new MapType(SparkType.String, SparkType.String)));
        r.Scalar("map_filter", 2, 2, MapFilter);
        r.Scalar("transform_keys", 2, 2, c => TransformMap(c, keys: true));
        r.Scalar("transform_values", 2, 2, c => TransformMap(c, keys: false));
    }

    private static TypedSql MakeMap(FunctionCall c)
    {
        if (c.Count % 2 != 0)
        {
            throw c.Wrong("keys and values in pairs");
        }

        var keys = Enumerable.Range(0, c.Count / 2).Select(i => c.Native(2 * i)).ToList();
        var values = Enumerable.Range(0, c.Count / 2).Select(i => c.Arg((2 * i) + 1)).ToList();
        var keyType = keys.Count == 0 ? SparkType.String : c.T.CommonType(keys, c.Call);
        var valueType = values.Count == 0 ? SparkType.String : c.T.CommonType(values.Select(c.T.Native).ToList(), c.Call);
        c.T.Context.Require(valueType);
        var pairs = keys.Select((k, i) => $"{c.T.MapKey(k, keyType)}, {c.T.ToJson(c.T.Coerce(values[i], valueType))}");
        return c.Of($"jsonb_build_object({string.Join(", ", pairs)})", new MapType(keyType, valueType));
    }

    // An array made of a map's entries (keys, values or entries), NULL for a NULL map.
    private static TypedSql Entries(FunctionCall c, Func<string, MapType, (TypedSql Value, SparkType Type)> select)
    {
        var (map, type) = c.Map(0);
        var e = c.T.Context.NewAlias("m");
        var (value, element) = select(e, type);
        var array = new ArrayType(element);
        c.T.Context.Require(array);
        return c.Of(
            $"(CASE WHEN {map.Text} IS NULL THEN NULL ELSE ARRAY(SELECT {value.Text} FROM jsonb_each({map.Text}) AS {e}) END)", array);
    }

    private static TypedSql FromArrays(FunctionCall c)
    {
        var (keys, keyType) = c.Array(0);
        var (values, valueType) = c.Array(1);
        var u = c.T.Context.NewAlias("u");
        var key = c.T.MapKey(new TypedSql($"{u}.k", keyType.Element), keyType.Element);
        var value = c.T.ToJson(new TypedSql($"{u}.v", valueType.Element));
        return c.Of(
            $"(CASE WHEN {keys.Text} IS NULL OR {values.Text} IS NULL THEN NULL ELSE (SELECT coalesce(jsonb_object_agg({key}, {value} "
            + $"ORDER BY {u}.o), '{{}}'::jsonb) FROM unnest({keys.Text}, {values.Text}) WITH ORDINALITY AS {u}(k, v, o)) END)",
            new MapType(keyType.Element, valueType.Element));
    }

    private static TypedSql FromEntries(FunctionCall c)
    {
        var (entries, type) = c.Array(0);
        if (type.Element is not StructType { Fields.Count: 2 } entry)
        {
            throw c.Wrong($"an array of (key, value) structs, not {type}");
        }

        var e = c.T.Context.NewAlias("e");
        var item = new TypedSql($"{e}.v", entry, entries.HeldAsJson);
        var key = c.T.MapKey(c.T.Field(item, entry.Fields[0].Name, 0), entry.Fields[0].Type);
        var value = c.T.ToJson(c.T.Field(item, entry.Fields[1].Name, 0));
        return c.Of(
            $"(CASE WHEN {entries.Text} IS NULL THEN NULL ELSE (SELECT coalesce(jsonb_object_agg({key}, {value} ORDER BY {e}.o), "
            + $"'{{}}'::jsonb) FROM {ExpressionTranslator.Elements(entries, e, "o")}) END)",
            new MapType(entry.Fields[0].Type, entry.Fields[1].Type));
    }

    private static TypedSql MapFilter(FunctionCall c)
    {
        var (map, type) = c.Map(0);
        var e = c.T.Context.NewAlias("m");
        var (key, value) = Parameters(c, e, type);
        var predicate = c.T.Coerce(c.Lambda(1, key, value), SparkType.Boolean).Text;
        return c.Of(
            $"(CASE WHEN {map.Text} IS NULL THEN NULL ELSE (SELECT coalesce(jsonb_object_agg({e}.key, {e}.value), '{{}}'::jsonb) FROM "
            + $"jsonb_each({map.Text}) AS {e} WHERE {predicate}) END)",
            type);
    }

    private static TypedSql TransformMap(FunctionCall c, bool keys)
    {
        var (map, type) = c.Map(0);
        var e = c.T.Context.NewAlias("m");
        var (key, value) = Parameters(c, e, type);
        var body = c.T.Native(c.Lambda(1, key, value));
        var result = keys ? new MapType(body.Type, type.Value) : new MapType(type.Key, body.Type);
        c.T.Context.Require(result);
        var entry = keys ? $"{c.T.MapKey(body, body.Type)}, {e}.value" : $"{e}.key, {c.T.ToJson(body)}";
        return c.Of(
            $"(CASE WHEN {map.Text} IS NULL THEN NULL ELSE (SELECT coalesce(jsonb_object_agg({entry}), '{{}}'::jsonb) FROM jsonb_each("
            + $"{map.Text}) AS {e}) END)",
            result);
    }

    private static (TypedSql Key, TypedSql Value) Parameters(FunctionCall c, string e, MapType type)
        => (c.T.Cast(new TypedSql($"{e}.key", SparkType.String), type.Key, 0), new TypedSql($"{e}.value", type.Value, IsJson: true));
}
