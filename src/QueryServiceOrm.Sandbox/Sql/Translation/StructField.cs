namespace QueryServiceOrm.Sandbox.Sql.Translation;

internal sealed record StructField(string Name, SparkType Type);
