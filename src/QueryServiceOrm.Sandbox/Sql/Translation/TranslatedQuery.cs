namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A translated query: its PostgreSQL and its result's columns.</summary>
internal sealed record TranslatedQuery(string Sql, IReadOnlyList<OutputColumn> Columns);
