namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A column of a query's result.</summary>
internal sealed record OutputColumn(string Name, SparkType Type);
