namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A common table expression as later parts of its query see it.</summary>
internal sealed record CteBinding(string Name, IReadOnlyList<OutputColumn> Columns);
