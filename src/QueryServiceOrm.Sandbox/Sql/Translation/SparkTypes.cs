using QueryServiceOrm.Sandbox.Catalog;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>Comparisons and the common types of Spark's type coercion.</summary>
internal static class SparkTypes
{
    /// <summary>Same fields and field types all the way down, whatever backend types hold them.</summary>
    public static bool SameShape(SparkType a, SparkType b) => Same(a, b, storage: false);

    /// <summary>
    /// Same shape and held in the same backend types all the way down: two structs of one shape may live in different
    /// composite types (each table has its own), and PostgreSQL converts neither into the other.
    /// </summary>
    public static bool SameStorage(SparkType a, SparkType b) => Same(a, b, storage: true);

    // A map holds JSON whatever its types, so only its shape counts.
    private static bool Same(SparkType a, SparkType b, bool storage)
        => (a, b) switch
        {
            (StructType x, StructType y) => (!storage || x.PgTypeName == y.PgTypeName) && x.Fields.Count == y.Fields.Count
                                            && x.Fields.Zip(y.Fields)
                                                .All(p => p.First.Name == p.Second.Name && Same(p.First.Type, p.Second.Type, storage)),
            (ArrayType x, ArrayType y) => Same(x.Element, y.Element, storage),
            (MapType x, MapType y) => Same(x.Key, y.Key, storage: false) && Same(x.Value, y.Value, storage: false),
            _ => a == b,
        };

    private static int NumericRank(SparkType type)
        => type switch
        {
            AtomicType { SparkName: "tinyint" } => 1,
            AtomicType { SparkName: "smallint" } => 2,
            AtomicType { SparkName: "int" } => 3,
            AtomicType { SparkName: "bigint" } => 4,
            DecimalType => 5,
            AtomicType { SparkName: "float" } => 6,
            AtomicType { SparkName: "double" } => 7,
            _ => 0,
        };

    /// <summary>The wider of two numeric types (Spark's numeric precedence), or null.</summary>
    public static SparkType? WiderNumeric(SparkType a, SparkType b)
    {
        if (!a.IsNumeric || !b.IsNumeric)
        {
            return null;
        }

        if (a is DecimalType da && b is DecimalType db)
        {
            var scale = Math.Max(da.Scale, db.Scale);
            return new DecimalType(Math.Min(38, Math.Max(da.Precision - da.Scale, db.Precision - db.Scale) + scale), scale);
        }

        if (a is DecimalType decimalA && b.IsIntegral)
        {
            return Widen(decimalA, b);
        }

        if (b is DecimalType decimalB && a.IsIntegral)
        {
            return Widen(decimalB, a);
        }

        return NumericRank(a) >= NumericRank(b) ? a : b;
    }

    // An integer type as a decimal wide enough for it, widened with a decimal.
    private static DecimalType Widen(DecimalType d, SparkType integral)
    {
        var digits = integral switch
        {
            AtomicType { SparkName: "tinyint" } => 3,
            AtomicType { SparkName: "smallint" } => 5,
            AtomicType { SparkName: "int" } => 10,
            _ => 20
        };
        return new DecimalType(Math.Min(38, Math.Max(d.Precision - d.Scale, digits) + d.Scale), d.Scale);
    }

    /// <summary>
    /// The type two values are compared or combined as (CASE branches, COALESCE, IN lists, UNION columns): Spark's
    /// findWiderTypeForTwo, with strings promoted to the other side's atomic type in comparisons.
    /// </summary>
    public static SparkType? Common(SparkType a, SparkType b, bool comparison = false)
    {
        if (SameShape(a, b))
        {
            return a;
        }

        if (a == SparkType.Null || a == SparkType.Unknown)
        {
            return b;
        }

        if (b == SparkType.Null || b == SparkType.Unknown)
        {
            return a;
        }

        if (WiderNumeric(a, b) is { } numeric)
        {
            return numeric;
        }

        return (a, b) switch
        {
            (AtomicType { SparkName: "date" }, AtomicType { SparkName: "timestamp" })
                or (AtomicType { SparkName: "timestamp" }, AtomicType { SparkName: "date" })
                => SparkType.Timestamp,
            (ArrayType x, ArrayType y) when Common(x.Element, y.Element, comparison) is { } element => new ArrayType(element),
            (MapType x, MapType y) when Common(x.Key, y.Key) is { } key && Common(x.Value, y.Value) is { } value => new MapType(key, value),
            (StructType x, StructType y) when x.Fields.Count == y.Fields.Count => CommonStruct(x, y, comparison),
            _ when comparison => ComparisonPromotion(a, b),
            _ when a == SparkType.String || b == SparkType.String => SparkType.String,
            _ => null,
        };
    }

    // Field by field (names from the first side); the first side's own type when no field had to widen.
    private static SparkType? CommonStruct(StructType x, StructType y, bool comparison)
    {
        var fields = new List<StructField>(x.Fields.Count);
        for (var i = 0; i < x.Fields.Count; i++)
        {
            if (Common(x.Fields[i].Type, y.Fields[i].Type, comparison) is not { } type)
            {
                return null;
            }

            fields.Add(x.Fields[i] with { Type = type });
        }

        return fields.Zip(x.Fields).All(p => SameShape(p.First.Type, p.Second.Type))
            ? x
            : StructType.Named(fields, BackendCatalog.StructTypeName);
    }

    // Spark's findCommonTypeForBinaryComparison: a string against a decimal compares as double, against another atomic type as that type.
    private static SparkType? ComparisonPromotion(SparkType a, SparkType b)
        => (a, b) switch
        {
            (DecimalType, AtomicType { SparkName: "string" }) or (AtomicType { SparkName: "string" }, DecimalType) => SparkType.Double,
            (AtomicType { SparkName: "string" }, AtomicType other) => other,
            (AtomicType other, AtomicType { SparkName: "string" }) => other,
            _ => null,
        };
}
