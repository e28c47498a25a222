namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A column a name can resolve to: its Spark name and type, and how the backend reads it.</summary>
internal sealed record ScopeColumn(string Name, SparkType Type, string Sql);
