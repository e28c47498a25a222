namespace QueryServiceOrm.Sandbox.Sql.Translation;

// Spark's casts (non-ANSI: what does not convert is NULL, fractions are truncated), its implicit casts, and the conversions
// between values held natively and values held as JSON.
internal sealed partial class ExpressionTranslator
{
    /// <summary>The value cast to a type if it has another one (Spark's implicit casts).</summary>
    public TypedSql Coerce(TypedSql value, SparkType type)
        => SparkTypes.SameStorage(value.Type, type) && !(value.IsJson && !type.IsComplex) ? value
            : type == SparkType.Unknown || value.Type == SparkType.Unknown ? Native(value)
            : Cast(value, type, 0);

    /// <summary>The value as a string, as CAST(x AS STRING) writes it.</summary>
    public TypedSql AsString(TypedSql value) => Coerce(value, SparkType.String);

    /// <summary>A value read out of JSON into its native form (a struct into its composite type, an array into an array).</summary>
    public TypedSql Native(TypedSql value)
    {
        if (!value.IsJson || value.Type is MapType || value.Type is ArrayType { IsJsonBacked: true })
        {
            return value;
        }

        var j = value.Text;
        switch (value.Type)
        {
            case StructType s:
                Context.Require(s);
                return new TypedSql(
                    $"(CASE WHEN jsonb_typeof({j}) = 'object' THEN jsonb_populate_record(NULL::{s.PgTypeName}, {j}) END)", s);
            case ArrayType a:
                var e = Context.NewAlias("j");
                var element = Native(new TypedSql($"{e}.v", a.Element, IsJson: true));
                Context.Require(a);
                return new TypedSql(
                    $"(CASE WHEN jsonb_typeof({j}) = 'array' THEN ARRAY(SELECT {element.Text} FROM jsonb_array_elements({j}) WITH "
                    + $"ORDINALITY AS {e}(v, o) ORDER BY {e}.o) END)",
                    a);
            case AtomicType { SparkName: "string" } or AtomicType { SparkName: "unknown" }:
                return new TypedSql($"({j} #>> '{{}}')", value.Type);
            default:
                return new TypedSql($"(({j} #>> '{{}}')::{value.Type.PgName})", value.Type);
        }
    }

    /// <summary>
    /// The value as jsonb (to put it in a map, or hand it back as JSON). A string goes through text first: a bare string
    /// literal has PostgreSQL's type unknown, which to_jsonb refuses (42804), as in <c>map('k', 'v')</c>.
    /// </summary>
    public string ToJson(TypedSql value)
        => value switch
        {
            { HeldAsJson: true } => value.Text,
            { Type: AtomicType { SparkName: "string" } } => $"to_jsonb(({value.Text})::text)",
            _ => $"to_jsonb({value.Text})",
        };

    /// <summary>CAST(value AS type) with Spark's semantics.</summary>
    public TypedSql Cast(TypedSql value, SparkType type, int position)
    {
        if (value.Type == SparkType.Null)
        {
            Context.Require(type);
            return new TypedSql($"(NULL::{type.PgName})", type);
        }

        if (type is MapType or ArrayType { IsJsonBacked: true })
        {
            return value.HeldAsJson && SparkTypes.Common(value.Type, type) is not null
                ? value with { Type = type, IsJson = false }
                : throw CannotCast(value, type);
        }

        value = Native(value);
        if (SparkTypes.SameStorage(value.Type, type))
        {
            return value with { Type = type };
        }

        return type switch
        {
            AtomicType { SparkName: "string" } => ToSparkString(value),
            AtomicType { SparkName: "boolean" } => ToBoolean(value),
            AtomicType { IsIntegralNumber: true } => ToIntegral(value, (AtomicType)type),
            AtomicType { SparkName: "double" or "float" } => ToFloating(value, type),
            DecimalType d => ToDecimal(value, d),
            AtomicType { SparkName: "date" } => ToDate(value),
            AtomicType { SparkName: "timestamp" } => ToTimestamp(value),
            AtomicType { SparkName: "binary" } when value.Type == SparkType.String
                => new TypedSql($"convert_to({value.Text}, 'UTF8')", type),
            ArrayType array when value.Type is ArrayType => Transform(value, array, e => Cast(e, array.Element, position)),
            StructType s when value.Type is StructType source && source.Fields.Count == s.Fields.Count
                => StructCast(value, source, s, position),
            AtomicType { SparkName: "unknown" } => value,
            _ => throw CannotCast(value, type),
        };
    }

    private static ServiceErrorException CannotCast(TypedSql value, SparkType type)
        => new(
            ServiceRules.Analysis(
                $"cannot resolve 'CAST(... AS {type.Name.ToUpperInvariant()})' due to data type mismatch: cannot cast {value.Type} to "
                + $"{type}"));

    // Fields by position, each cast to the target's field type.
    private TypedSql StructCast(TypedSql value, StructType source, StructType target, int position)
    {
        Context.Require(target);
        var fields = source.Fields.Select(
            (f, i) => Cast(new TypedSql($"({value.Text}).{PgSql.Identifier(f.Name)}", f.Type), target.Fields[i].Type, position).Text);
        return new TypedSql(
            $"(CASE WHEN {value.IsNullTest()} THEN NULL ELSE ROW({string.Join(", ", fields)})::{target.PgTypeName} END)", target);
    }

    private TypedSql ToSparkString(TypedSql value)
    {
        var v = value.Text;
        return value.Type switch
        {
            AtomicType { SparkName: "double" or "float" }
                => new TypedSql(
                    PgSql.Call("double_to_string", $"{v}::double precision", value.Type == SparkType.Float ? "TRUE" : "FALSE"),
                    SparkType.String),
            AtomicType { SparkName: "timestamp" } => new TypedSql($"({v}::timestamp)::text", SparkType.String),
            AtomicType { SparkName: "binary" } => new TypedSql($"convert_from({v}, 'UTF8')", SparkType.String),
            ArrayType array => new TypedSql(ArrayToString(value, array), SparkType.String),
            StructType s => new TypedSql(StructToString(value, s), SparkType.String),
            MapType map => new TypedSql(MapToString(value, map), SparkType.String),
            _ => new TypedSql($"({v})::text", SparkType.String),
        };
    }

    // [1, 2, null]
    private string ArrayToString(TypedSql value, ArrayType array)
    {
        var e = Context.NewAlias("s");
        var item = Native(new TypedSql($"{e}.v", array.Element, value.HeldAsJson));
        return $"(CASE WHEN {value.Text} IS NULL THEN NULL ELSE '[' || array_to_string(ARRAY(SELECT coalesce({AsString(item).Text}, "
            + $"'null') FROM {Elements(value, e, "o")} ORDER BY {e}.o), ', ') || ']' END)";
    }

    // {1, a, null}
    private string StructToString(TypedSql value, StructType s)
    {
        var fields = s.Fields.Select(f => $"coalesce({AsString(Field(value, f.Name, 0)).Text}, 'null')");
        return $"(CASE WHEN {value.IsNullTest()} THEN NULL ELSE '{{' || concat_ws(', ', {string.Join(", ", fields)}) || '}}' END)";
    }

    // {a -> 1, b -> 2}
    private string MapToString(TypedSql value, MapType map)
    {
        var e = Context.NewAlias("m");
        var entry = AsString(Native(new TypedSql($"{e}.value", map.Value, IsJson: true))).Text;
        return $"(CASE WHEN {value.Text} IS NULL THEN NULL ELSE '{{' || coalesce((SELECT string_agg({e}.key || ' -> ' || coalesce("
            + $"{entry}, 'null'), ', ') FROM jsonb_each({value.Text}) AS {e}), '') || '}}' END)";
    }

    private static TypedSql ToBoolean(TypedSql value)
        => value.Type == SparkType.String
            ? TypedSql.Bool(PgSql.Call("to_boolean", value.Text))
            : value.Type.IsNumeric ? TypedSql.Bool($"({value.Text} <> 0)")
            : throw CannotCast(value, SparkType.Boolean);

    private static TypedSql ToIntegral(TypedSql value, AtomicType type)
    {
        var v = value.Text;
        var text = value.Type switch
        {
            AtomicType { SparkName: "string" } => PgSql.Call("to_integral", v, PgSql.Literal(type.PgName)),
            AtomicType { SparkName: "boolean" } => $"(CASE WHEN {v} THEN 1 ELSE 0 END)",
            AtomicType { SparkName: "double" or "float" }
                => PgSql.Call("double_to_integral", $"{v}::double precision", PgSql.Literal(type.PgName)),
            DecimalType => $"trunc({v})",
            AtomicType { SparkName: "timestamp" } => $"floor(extract(epoch FROM {v}::timestamp))",
            AtomicType { IsIntegralNumber: true } => v,
            _ => throw CannotCast(value, type),
        };
        return new TypedSql($"(({text})::{type.PgName})", type);
    }

    private static TypedSql ToFloating(TypedSql value, SparkType type)
    {
        var v = value.Text;
        var text = value.Type switch
        {
            AtomicType { SparkName: "string" } => PgSql.Call("to_double", v),
            AtomicType { SparkName: "boolean" } => $"(CASE WHEN {v} THEN 1 ELSE 0 END)",
            AtomicType { SparkName: "timestamp" } => $"extract(epoch FROM {v}::timestamp)",
            _ when value.Type.IsNumeric => v,
            _ => throw CannotCast(value, type),
        };
        return new TypedSql($"(({text})::{type.PgName})", type);
    }

    private static TypedSql ToDecimal(TypedSql value, DecimalType type)
    {
        var v = value.Text;
        var number = value.Type switch
        {
            AtomicType { SparkName: "string" } => PgSql.Call("to_decimal", v),
            AtomicType { SparkName: "boolean" } => $"(CASE WHEN {v} THEN 1 ELSE 0 END)::numeric",
            AtomicType { SparkName: "double" or "float" }
                => $"(CASE WHEN {v} IN ('NaN', 'Infinity', '-Infinity') THEN NULL ELSE {v}::numeric END)",
            _ when value.Type.IsNumeric => $"{v}::numeric",
            _ => throw CannotCast(value, type),
        };
        // Out of range is NULL, as in Spark.
        return new TypedSql(
            PgSql.Call("to_decimal_checked", number, PgSql.Number(type.Precision), PgSql.Number(type.Scale)) + $"::{type.PgName}", type);
    }

    private static TypedSql ToDate(TypedSql value)
        => value.Type switch
        {
            AtomicType { SparkName: "string" } => new TypedSql(PgSql.Call("to_date", value.Text), SparkType.Date),
            AtomicType { SparkName: "timestamp" } => new TypedSql($"({value.Text}::timestamp)::date", SparkType.Date),
            _ => throw CannotCast(value, SparkType.Date),
        };

    private static TypedSql ToTimestamp(TypedSql value)
        => value.Type switch
        {
            AtomicType { SparkName: "string" } => new TypedSql(PgSql.Call("to_timestamp", value.Text), SparkType.Timestamp),
            AtomicType { SparkName: "date" } => new TypedSql($"({value.Text})::timestamp", SparkType.Timestamp),
            _ when value.Type.IsNumeric => new TypedSql(
                $"(to_timestamp(({value.Text})::double precision) AT TIME ZONE 'UTC')", SparkType.Timestamp),
            _ => throw CannotCast(value, SparkType.Timestamp),
        };
}
