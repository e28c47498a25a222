using QueryServiceOrm.Sandbox.Sql.Translation;

namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>A table or view of the backend, as a dataset of the service.</summary>
/// <param name="Schema">Its schema (<c>public</c> for the sandbox's datasets).</param>
/// <param name="Name">Its name.</param>
/// <param name="IsView">Whether it is a view.</param>
/// <param name="Owner">The backend role that owns it (the user's tables are the user's; the datasets the superuser's).</param>
/// <param name="Columns">Its columns, in order.</param>
/// <param name="Metadata">What the service shows about it (labels, XDM schema, description).</param>
internal sealed record CatalogTable(
    string Schema, string Name, bool IsView, string Owner, IReadOnlyList<CatalogColumn> Columns, DatasetMetadata Metadata)
{
    public CatalogColumn? Column(string name)
        => Columns.FirstOrDefault(c => c.Name == name)
            ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name as SQL for the backend, schema-qualified and quoted.</summary>
    public string Sql => $"{PgSql.Identifier(Schema)}.{PgSql.Identifier(Name)}";
}
