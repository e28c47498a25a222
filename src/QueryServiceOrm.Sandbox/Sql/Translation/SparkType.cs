using System.Globalization;
using QueryServiceOrm.Sandbox.Catalog;
using QueryServiceOrm.Sandbox.Rules;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A Spark SQL data type, and how the backend holds it.</summary>
internal abstract record SparkType
{
    public static readonly AtomicType String = new("string", "text");
    public static readonly AtomicType Boolean = new("boolean", "boolean");
    public static readonly AtomicType Byte = new("tinyint", "smallint");
    public static readonly AtomicType Short = new("smallint", "smallint");
    public static readonly AtomicType Int = new("int", "integer");
    public static readonly AtomicType Long = new("bigint", "bigint");
    public static readonly AtomicType Float = new("float", "real");
    public static readonly AtomicType Double = new("double", "double precision");
    public static readonly AtomicType Date = new("date", "date");
    public static readonly AtomicType Timestamp = new("timestamp", "timestamp");
    public static readonly AtomicType Binary = new("binary", "bytea");
    public static readonly AtomicType Interval = new("interval", "interval");
    public static readonly AtomicType Null = new("void", "text");

    /// <summary>A type the front cannot tell (a backend type without a Spark counterpart): passed through as it is.</summary>
    public static readonly AtomicType Unknown = new("unknown", "text");

    /// <summary>Spark's name for the type (its <c>simpleString</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The backend's type for a value of this type held natively.</summary>
    public abstract string PgName { get; }

    public bool IsNumeric => this is DecimalType || (this is AtomicType a && a.IsNumber);

    public bool IsIntegral => this is AtomicType { IsIntegralNumber: true };

    public bool IsComplex => this is StructType or ArrayType or MapType;

    // Sealed, so that no derived record prints its properties in an error message.
    public sealed override string ToString() => Name;

    /// <summary>The type a written data type names.</summary>
    public static SparkType From(DataTypeSyntax syntax, Func<StructType, string> structTypeName)
        => syntax switch
        {
            ArrayTypeSyntax a => new ArrayType(From(a.Element, structTypeName)),
            MapTypeSyntax m => new MapType(From(m.Key, structTypeName), From(m.Value, structTypeName)),
            StructTypeSyntax s => StructType.Named(s.Fields.Select(f => new StructField(f.Name.Value, From(f.Type, structTypeName))).ToList(), structTypeName),
            PrimitiveTypeSyntax p => Primitive(p),
            _ => throw new ArgumentOutOfRangeException(nameof(syntax)),
        };

    private static SparkType Primitive(PrimitiveTypeSyntax p)
        => p.Name switch
        {
            "string" or "text" or "varchar" or "char" or "character" => String,
            "boolean" or "bool" => Boolean,
            "tinyint" or "byte" => Byte,
            "smallint" or "short" => Short,
            "int" or "integer" => Int,
            "bigint" or "long" => Long,
            "float" or "real" => Float,
            "double" => Double,
            "decimal" or "dec" or "numeric" => new DecimalType(p.Arguments.Count > 0 ? p.Arguments[0] : 10, p.Arguments.Count > 1 ? p.Arguments[1] : 0),
            "date" => Date,
            "timestamp" or "datetime" or "timestamp_ltz" or "timestamp_ntz" => Timestamp,
            "binary" => Binary,
            "interval" => Interval,
            "void" => Null,
            _ => throw new ServiceErrorException(ServiceRules.SyntaxError($"Unknown data type '{p.Name}'.", p.Position)),
        };
}

/// <summary>A type without parts.</summary>
internal sealed record AtomicType(string SparkName, string Pg) : SparkType
{
    public override string Name => SparkName;

    public override string PgName => Pg;

    public bool IsIntegralNumber => SparkName is "tinyint" or "smallint" or "int" or "bigint";

    public bool IsNumber => IsIntegralNumber || SparkName is "float" or "double";
}

internal sealed record DecimalType(int Precision, int Scale) : SparkType
{
    public override string Name => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})");

    public override string PgName => string.Create(CultureInfo.InvariantCulture, $"numeric({Precision},{Scale})");
}

/// <summary>An array: a backend array of the element's type, unless its element cannot be one (an array or a map).</summary>
internal sealed record ArrayType(SparkType Element) : SparkType
{
    public override string Name => $"array<{Element.Name}>";

    /// <summary>Whether the backend holds it as JSON: PostgreSQL has no arrays of arrays, and maps are JSON already.</summary>
    public bool IsJsonBacked => Element is ArrayType or MapType;

    public override string PgName => IsJsonBacked ? "jsonb" : Element.PgName + "[]";
}

/// <summary>A map, which the backend holds as JSON (PostgreSQL has no map type); keys are JSON object keys.</summary>
internal sealed record MapType(SparkType Key, SparkType Value) : SparkType
{
    public override string Name => $"map<{Key.Name},{Value.Name}>";

    public override string PgName => "jsonb";
}

internal sealed record StructField(string Name, SparkType Type);

/// <summary>A struct: a backend composite type (a table's own, or one the front makes for a shape).</summary>
internal sealed record StructType(IReadOnlyList<StructField> Fields, string PgTypeName) : SparkType
{
    public override string Name => $"struct<{string.Join(",", Fields.Select(f => $"{f.Name}:{f.Type.Name}"))}>";

    public override string PgName => PgTypeName;

    /// <summary>The field of that name: the exact spelling first, then ignoring case (Spark's default).</summary>
    public StructField? Field(string name)
        => Fields.FirstOrDefault(f => f.Name == name) ?? Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static StructType Named(IReadOnlyList<StructField> fields, Func<StructType, string> name)
    {
        var shape = new StructType(fields, "");
        return shape with { PgTypeName = name(shape) };
    }

    /// <summary>Same fields and field types, whatever backend type holds them.</summary>
    public bool SameShape(StructType other)
        => SparkTypes.SameShape(this, other);

    public bool Equals(StructType? other) => other is not null && PgTypeName == other.PgTypeName && SameShape(other);

    public override int GetHashCode() => HashCode.Combine(PgTypeName, Fields.Count);
}

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
                                            && x.Fields.Zip(y.Fields).All(p => p.First.Name == p.Second.Name && Same(p.First.Type, p.Second.Type, storage)),
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
        var digits = integral switch { AtomicType { SparkName: "tinyint" } => 3, AtomicType { SparkName: "smallint" } => 5, AtomicType { SparkName: "int" } => 10, _ => 20 };
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
            (AtomicType { SparkName: "date" }, AtomicType { SparkName: "timestamp" }) or (AtomicType { SparkName: "timestamp" }, AtomicType { SparkName: "date" }) => SparkType.Timestamp,
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

        return fields.Zip(x.Fields).All(p => SameShape(p.First.Type, p.Second.Type)) ? x : StructType.Named(fields, BackendCatalog.StructTypeName);
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
