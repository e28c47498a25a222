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
            StructTypeSyntax s => StructType.Named(
                s.Fields.Select(f => new StructField(f.Name.Value, From(f.Type, structTypeName))).ToList(), structTypeName),
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
            "decimal" or "dec" or "numeric"
                => new DecimalType(p.Arguments.Count > 0 ? p.Arguments[0] : 10, p.Arguments.Count > 1 ? p.Arguments[1] : 0),
            "date" => Date,
            "timestamp" or "datetime" or "timestamp_ltz" or "timestamp_ntz" => Timestamp,
            "binary" => Binary,
            "interval" => Interval,
            "void" => Null,
            _ => throw new ServiceErrorException(ServiceRules.SyntaxError($"Unknown data type '{p.Name}'.", p.Position)),
        };
}
