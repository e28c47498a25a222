namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>An array: a backend array of the element's type, unless its element cannot be one (an array or a map).</summary>
internal sealed record ArrayType(SparkType Element) : SparkType
{
    public override string Name => $"array<{Element.Name}>";

    /// <summary>Whether the backend holds it as JSON: PostgreSQL has no arrays of arrays, and maps are JSON already.</summary>
    public bool IsJsonBacked => Element is ArrayType or MapType;

    public override string PgName => IsJsonBacked ? "jsonb" : Element.PgName + "[]";
}
