namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A generator's rows: a subquery to join laterally, and its columns.</summary>
internal sealed record GeneratorSql(string Sql, IReadOnlyList<OutputColumn> Columns);
