namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A type without parts.</summary>
internal sealed record AtomicType(string SparkName, string Pg) : SparkType
{
    public override string Name => SparkName;

    public override string PgName => Pg;

    public bool IsIntegralNumber => SparkName is "tinyint" or "smallint" or "int" or "bigint";

    public bool IsNumber => IsIntegralNumber || SparkName is "float" or "double";
}
