namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A map, which the backend holds as JSON (PostgreSQL has no map type); keys are JSON object keys.</summary>
internal sealed record MapType(SparkType Key, SparkType Value) : SparkType
{
    public override string Name => $"map<{Key.Name},{Value.Name}>";

    public override string PgName => "jsonb";
}
