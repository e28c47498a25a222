namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A struct: a backend composite type (a table's own, or one the front makes for a shape).</summary>
internal sealed record StructType(IReadOnlyList<StructField> Fields, string PgTypeName) : SparkType
{
    public override string Name => $"struct<{string.Join(",", Fields.Select(f => $"{f.Name}:{f.Type.Name}"))}>";

    public override string PgName => PgTypeName;

    /// <summary>The field of that name: the exact spelling first, then ignoring case (Spark's default).</summary>
    public StructField? Field(string name)
        => Fields.FirstOrDefault(f => f.Name == name)
            ?? Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

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
