using QueryServiceOrm.Sandbox.Sql.Translation;

namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>A column as the front sees it: its name, its Spark type, and the comment it was made with.</summary>
internal sealed record CatalogColumn(string Name, SparkType Type, bool NotNull);
